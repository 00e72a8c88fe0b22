import { IconBookmark } from '../../components/icons.tsx';
import { paths } from '../../config/paths.ts';
import { HeaderLink } from './HeaderLink.tsx';

/** "Saved" in the header (ADR 0032); an icon alone below 992 px, where the header has no room. */
export function SavedLink({ instance }: { instance: string }) {
  return (
    <HeaderLink
      to={paths.saved(instance)}
      view="saved"
      label="Saved"
      title="Saved queries and pinned records (g s)"
      narrow="icon"
      icon={IconBookmark}
    />
  );
}
