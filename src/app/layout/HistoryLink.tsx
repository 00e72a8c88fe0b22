import { paths } from '../../config/paths.ts';
import { HeaderLink } from './HeaderLink.tsx';

/** "History" in the header: the requests this browser sent to the instance (ADR 0029); not below 992 px. */
export function HistoryLink({ instance }: { instance: string }) {
  return (
    <HeaderLink
      to={paths.history(instance)}
      view="history"
      label="History"
      title="The requests sent to this instance"
      narrow="hidden"
    />
  );
}
