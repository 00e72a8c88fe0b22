import { useLocation } from 'react-router';
import { parseAppPath, paths } from '../../config/paths.ts';
import { consolePrefill } from './console-prefill.ts';
import { HeaderLink } from './HeaderLink.tsx';

/** "Console" in the header: the raw request console, prefilled from the current view. */
export function ConsoleLink({ instance }: { instance: string }) {
  const location = useLocation();
  const here = parseAppPath(location.pathname, location.search);
  return (
    <HeaderLink
      to={paths.console(instance, consolePrefill(here))}
      view="console"
      label="Console"
      title="Send any request to this instance"
    />
  );
}
