import { ActionIcon, Button } from '@mantine/core';
import type { ComponentType } from 'react';
import { Link, useLocation } from 'react-router';
import { parseAppPath, type AppView } from '../../config/paths.ts';

type HeaderIcon = ComponentType<{ size?: number }>;

type HeaderLinkProps = {
  to: string;
  /** The view the link opens: while it is open the link is the current page. */
  view: AppView;
  label: string;
  title: string;
} & (
  | {
      /** Below 992 px, where the header has no room: the same button (the default), or none. */
      narrow?: 'button' | 'hidden';
      icon?: HeaderIcon;
    }
  | { /** Below 992 px: the icon alone. */ narrow: 'icon'; icon: HeaderIcon }
);

/** A link to one of the app's own pages in the header, as a small default button. */
export function HeaderLink({ to, view, label, title, narrow = 'button', icon: Icon }: HeaderLinkProps) {
  const location = useLocation();
  const current = parseAppPath(location.pathname, location.search).view === view ? 'page' : undefined;
  const button = (
    <Button
      component={Link}
      to={to}
      variant="default"
      size="xs"
      title={title}
      aria-current={current}
      leftSection={Icon ? <Icon size={14} /> : undefined}
      visibleFrom={narrow === 'button' ? undefined : 'md'}
    >
      {label}
    </Button>
  );
  if (narrow !== 'icon' || !Icon) return button;
  return (
    <>
      {button}
      <ActionIcon
        component={Link}
        to={to}
        variant="default"
        size="lg"
        title={title}
        aria-label={label}
        aria-current={current}
        hiddenFrom="md"
      >
        <Icon />
      </ActionIcon>
    </>
  );
}
