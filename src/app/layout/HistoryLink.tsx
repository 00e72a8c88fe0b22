import { Button } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { parseAppPath, paths } from '../../config/paths.ts';

/** "History" in the header: the requests this browser sent to the instance (ADR 0029). */
export function HistoryLink({ instance }: { instance: string }) {
  const location = useLocation();
  const here = parseAppPath(location.pathname, location.search);
  return (
    <Button
      component={Link}
      to={paths.history(instance)}
      variant="default"
      size="xs"
      title="The requests sent to this instance"
      aria-current={here.view === 'history' ? 'page' : undefined}
      visibleFrom="md"
    >
      History
    </Button>
  );
}
