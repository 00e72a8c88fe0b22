import { ActionIcon, Text } from '@mantine/core';
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
  onFocus: () => void;
}

export function TreeLeaf({ endpoint, href, docsHref, selected, tabbable, register, onFocus }: TreeLeafProps) {
  const route = endpoint.detail?.path ?? endpoint.list?.path ?? `/${endpoint.name}`;
  return (
    <li role="none" className={classes.row}>
      <Link
        ref={register}
        role="treeitem"
        to={href}
        className={classes.leaf}
        aria-selected={selected}
        aria-current={selected ? 'page' : undefined}
        aria-level={2}
        tabIndex={tabbable ? 0 : -1}
        data-action={!endpoint.browsable}
        data-endpoint={endpoint.name}
        onFocus={onFocus}
      >
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
        component={Link}
        to={docsHref}
        variant="subtle"
        color="gray"
        size="sm"
        tabIndex={-1}
        className={classes.docs}
        aria-label={`${endpoint.name} documentation`}
        title={`Documentation of ${endpoint.name}`}
      >
        <IconBook size={14} />
      </ActionIcon>
    </li>
  );
}
