import { NoticeRegion } from '../../components/NoticeRegion.tsx';
import { OfflineNotice } from '../../components/OfflineNotice.tsx';
import { AppShell, Anchor } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { instanceColor } from '../../api/instance-kind.ts';
import { parseAppPath } from '../../config/paths.ts';
import { useInstances } from '../../lib/use-instance.ts';
import { useToken } from '../../lib/use-token.ts';
import { AppHeader } from './AppHeader.tsx';
import classes from './AppLayout.module.css';
import { EndpointNav } from './EndpointNav.tsx';
import { RouteFlash } from './RouteFlash.tsx';

export function AppLayout() {
  const location = useLocation();
  const here = parseAppPath(location.pathname, location.search);
  const { instances, instance } = useInstances(here.instance);
  const token = useToken(here.instance);
  const [opened, { toggle, close }] = useDisclosure(false);
  const withNavbar = instance !== undefined && token !== null && here.view !== 'login';

  useEffect(close, [location.pathname, close]);
  // A stripe along the top of the header in the instance's colour; production's is thicker and red.
  const stripe = instance ? instanceColor(instance) : undefined;
  const stripeWidth = instance?.kind === 'production' ? 5 : 3;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={
        withNavbar
          ? { width: { base: 260, lg: 320 }, breakpoint: 'md', collapsed: { mobile: !opened } }
          : undefined
      }
      padding="md"
    >
      <Anchor href="#main" className={classes.skip}>
        Skip to content
      </Anchor>
      <AppShell.Header
        data-instance-kind={instance?.kind}
        style={
          stripe ? { boxShadow: `inset 0 ${stripeWidth}px 0 var(--mantine-color-${stripe}-8)` } : undefined
        }
      >
        <AppHeader
          instances={instances}
          instance={instance}
          signedIn={token !== null}
          navbar={withNavbar ? { opened, toggle } : null}
        />
      </AppShell.Header>
      {withNavbar ? (
        <AppShell.Navbar p="sm" aria-label="Endpoints">
          <EndpointNav instance={instance} />
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id="main" tabIndex={-1}>
        <OfflineNotice />
        <RouteFlash />
        <Outlet />
      </AppShell.Main>
      <NoticeRegion />
    </AppShell>
  );
}
