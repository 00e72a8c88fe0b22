import { NoticeRegion } from '../../components/NoticeRegion.tsx';
import { OfflineNotice } from '../../components/OfflineNotice.tsx';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { parseAppPath } from '../../config/paths.ts';
import { useInstances } from '../../lib/use-instance.ts';
import { useToken } from '../../lib/use-token.ts';
import { AppHeader } from './AppHeader.tsx';
import { EndpointNav } from './EndpointNav.tsx';
import { Frame } from './Frame.tsx';
import { RouteFlash } from './RouteFlash.tsx';

export function AppLayout() {
  const location = useLocation();
  const here = parseAppPath(location.pathname, location.search);
  const { instances, instance } = useInstances(here.instance);
  const token = useToken(here.instance);
  const [opened, { toggle, close }] = useDisclosure(false);
  const withNavbar = instance !== undefined && token !== null && here.view !== 'login';

  useEffect(close, [location.pathname, close]);

  return (
    <>
      <Frame
        instance={instance}
        header={
          <AppHeader
            instances={instances}
            instance={instance}
            signedIn={token !== null}
            navbar={withNavbar ? { opened, toggle } : null}
          />
        }
        navbar={withNavbar ? <EndpointNav instance={instance} /> : null}
        navbarOpened={opened}
      >
        <OfflineNotice />
        <RouteFlash />
        <Outlet />
      </Frame>
      <NoticeRegion />
    </>
  );
}
