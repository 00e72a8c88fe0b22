import { ActionIcon, Button } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { IconBookmark } from '../../components/icons.tsx';
import { parseAppPath, paths } from '../../config/paths.ts';

const TITLE = 'Saved queries and pinned records (g s)';

/** "Saved" in the header (ADR 0032); an icon alone below 992 px, where the header has no room. */
export function SavedLink({ instance }: { instance: string }) {
  const location = useLocation();
  const current = parseAppPath(location.pathname, location.search).view === 'saved' ? 'page' : undefined;
  return (
    <>
      <Button
        component={Link}
        to={paths.saved(instance)}
        variant="default"
        size="xs"
        title={TITLE}
        aria-current={current}
        leftSection={<IconBookmark size={14} />}
        visibleFrom="md"
      >
        Saved
      </Button>
      <ActionIcon
        component={Link}
        to={paths.saved(instance)}
        variant="default"
        size="lg"
        title={TITLE}
        aria-label="Saved"
        aria-current={current}
        hiddenFrom="md"
      >
        <IconBookmark />
      </ActionIcon>
    </>
  );
}
