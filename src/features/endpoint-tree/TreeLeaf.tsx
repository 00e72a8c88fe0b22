import { ActionIcon, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import type { EndpointModel } from '../../api/schema/model.ts';
import { IconBook } from '../../components/icons.tsx';
import { MethodBadges } from '../../components/MethodBadge.tsx';
import classes from './EndpointTree.module.css';
import { endpointMethods } from './tree-data.ts';

interface TreeLeafProps {
  endpoint: EndpointModel;
  href: string;
  docsHref: string;
  selected: boolean;
  tabbable: boolean;
  register: (element: HTMLElement | null) => void;
  registerDocs: (element: HTMLAnchorElement | null) => void;
  onFocus: () => void;
}

function TreeLeafRow({
  endpoint,
  href,
  docsHref,
  selected,
  tabbable,
  register,
  registerDocs,
  onFocus,
}: TreeLeafProps) {
  const route = endpoint.detail?.path ?? endpoint.list?.path ?? `/${endpoint.name}`;
  // The treeitem is the row, so its two links (list, docs) are both inside it: ARIA allows only
  // treeitems in a tree's groups. Arrows move between rows; Right reaches the docs link.
  return (
    <li
      ref={register}
      role="treeitem"
      className={classes.row}
      aria-selected={selected}
      aria-level={2}
      tabIndex={tabbable ? 0 : -1}
      data-action={!endpoint.browsable}
      data-endpoint={endpoint.name}
      onFocus={onFocus}
    >
      <Link to={href} tabIndex={-1} className={classes.leaf} aria-current={selected ? 'page' : undefined}>
        <span className={classes.leafHead}>
          <Text span size="sm" fw={500}>
            {endpoint.name}
          </Text>
          <MethodBadges methods={endpointMethods(endpoint)} />
          {!endpoint.browsable ? (
            <Text span size="xs" c="dimmed">
              action
            </Text>
          ) : null}
        </span>
        <span className={classes.path}>{route}</span>
      </Link>
      <ActionIcon
        ref={registerDocs}
        component={Link}
        to={docsHref}
        variant="subtle"
        color="gray"
        size="sm"
        tabIndex={-1}
        className={classes.docs}
        aria-label={`${endpoint.name} documentation`}
        title={`Documentation of ${endpoint.name} (Right arrow from the endpoint)`}
      >
        <IconBook size={14} />
      </ActionIcon>
    </li>
  );
}

/**
 * A leaf re-renders only when what it shows changes, not on every navigation: its callbacks are
 * re-created by each tree render but do the same (they close over the leaf's key and stable refs
 * and setters), so they are left out of the comparison.
 */
export const TreeLeaf = memo(
  TreeLeafRow,
  (before, after) =>
    before.endpoint === after.endpoint &&
    before.href === after.href &&
    before.docsHref === after.docsHref &&
    before.selected === after.selected &&
    before.tabbable === after.tabbable,
);
