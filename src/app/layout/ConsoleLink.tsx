import { Button } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { parseAppPath, paths } from '../../config/paths.ts';
import { consolePrefill } from './console-prefill.ts';

/** "Console" in the header: the raw request console, prefilled from the current view. */
export function ConsoleLink({ instance }: { instance: string }) {
  const location = useLocation();
  const here = parseAppPath(location.pathname, location.search);
  const to = paths.console(instance, consolePrefill(here));
  return (
    <Button
      component={Link}
      to={to}
      variant="default"
      size="xs"
      title="Send any request to this instance"
      aria-current={here.view === 'console' ? 'page' : undefined}
    >
      Console
    </Button>
  );
}
