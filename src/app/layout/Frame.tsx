import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { instanceColor } from '../../api/instance-kind.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import classes from './AppLayout.module.css';

interface FrameProps {
  instance: Pick<InstanceConfig, 'kind' | 'color'> | undefined;
  header: ReactNode;
  /** The endpoint navbar, or null for views without one (login, the instance list). */
  navbar: ReactNode | null;
  navbarOpened?: boolean;
  children?: ReactNode;
}

/**
 * The page frame: header, endpoint navbar and main area. One component for the app's layout and the
 * server-rendered first paint (src/app/prerender), so the two lay out the navigation identically.
 */
export function Frame({ instance, header, navbar, navbarOpened = false, children }: FrameProps) {
  // A stripe along the top of the header in the instance's colour; production's is thicker and red.
  const stripe = instance ? instanceColor(instance) : undefined;
  const stripeWidth = instance?.kind === 'production' ? 5 : 3;
  return (
    <div className={navbar !== null ? `${classes.frame} ${classes.withNavbar}` : classes.frame}>
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
        {header}
      </header>
      {navbar !== null ? (
        <nav className={classes.navbar} data-opened={navbarOpened || undefined} aria-label="Endpoints">
          {navbar}
        </nav>
      ) : null}
      <main className={classes.main} id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
