import { Anchor, Burger, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { InstanceConfig } from '../../api/instances.ts';
import { InstanceKindBadge } from '../../components/InstanceKindBadge.tsx';
import { paths } from '../../config/paths.ts';
import { AccountMenu } from '../../features/auth/AccountMenu.tsx';
import { GoToBox } from '../../features/go-to/GoToBox.tsx';
import { useApiModel } from '../../lib/use-api-model.ts';
import { ColorSchemeToggle } from './ColorSchemeToggle.tsx';
import { ConsoleLink } from './ConsoleLink.tsx';
import { FetchIndicator } from './FetchIndicator.tsx';
import { GlobalShortcuts } from './GlobalShortcuts.tsx';
import { HistoryLink } from './HistoryLink.tsx';
import { InstanceSwitcher } from './InstanceSwitcher.tsx';
import { RefreshButton } from './RefreshButton.tsx';
import { SavedLink } from './SavedLink.tsx';

interface AppHeaderProps {
  instances: readonly InstanceConfig[];
  instance: InstanceConfig | undefined;
  signedIn: boolean;
  navbar: { opened: boolean; toggle: () => void } | null;
}

export function AppHeader({ instances, instance, signedIn, navbar }: AppHeaderProps) {
  const model = useApiModel(signedIn ? instance : undefined);
  return (
    <Group h="100%" px="md" gap="sm" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        {navbar ? (
          <Burger
            opened={navbar.opened}
            onClick={navbar.toggle}
            hiddenFrom="md"
            size="sm"
            aria-label="Toggle endpoint tree"
          />
        ) : null}
        <Anchor
          component={Link}
          to={paths.home()}
          fw={700}
          c="var(--mantine-color-text)"
          underline="never"
          style={{ whiteSpace: 'nowrap' }}
          // Below md an instance's name and kind take the brand's room; the switcher's "All instances…" leads home.
          visibleFrom={instance ? 'md' : navbar ? 'xs' : undefined}
        >
          Alyx Explorer
        </Anchor>
        <InstanceSwitcher instances={instances} current={instance?.name} />
        {instance ? (
          <>
            {/* The switcher names the instance from sm up; below that, its name stays in the header. */}
            <Text span size="sm" fw={600} hiddenFrom="sm" maw={120} truncate>
              {instance.name}
            </Text>
            <InstanceKindBadge instance={instance} />
          </>
        ) : null}
      </Group>
      {instance && signedIn ? <GoToBox instance={instance} instances={instances} /> : null}
      <Group gap="xs" wrap="nowrap">
        <FetchIndicator />
        {instance && signedIn ? <ConsoleLink instance={instance.name} /> : null}
        {instance && signedIn ? <HistoryLink instance={instance.name} /> : null}
        {instance && signedIn ? <SavedLink instance={instance.name} /> : null}
        {instance && signedIn ? <RefreshButton instance={instance.name} /> : null}
        <ColorSchemeToggle />
        {instance ? <AccountMenu instance={instance} /> : null}
      </Group>
      <GlobalShortcuts instance={instance} instances={instances} signedIn={signedIn} model={model.data} />
    </Group>
  );
}
