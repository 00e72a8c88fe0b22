import { NoticeRegion } from '../../components/NoticeRegion.tsx';
import { OfflineNotice } from '../../components/OfflineNotice.tsx';
import { Anchor } from '@mantine/core';
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
    <div className={withNavbar ? `${classes.frame} ${classes.withNavbar}` : classes.frame}>
      <Anchor href="#main" className={classes.skip}>
        Skip to content
      </Anchor>
      {/* right-scroll-bar-position: a modal's scroll lock pads it like the body, so the header does not shift. */}
      <header
        className={`${classes.header} right-scroll-bar-position`}
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
      </header>
      {withNavbar ? (
        <nav className={classes.navbar} data-opened={opened || undefined} aria-label="Endpoints">
          <EndpointNav instance={instance} />
        </nav>
      ) : null}
      <main className={classes.main} id="main" tabIndex={-1}>
        <OfflineNotice />
        <RouteFlash />
        <Outlet />
      </main>
      <NoticeRegion />
    </div>
  );
}
