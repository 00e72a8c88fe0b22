import { Box, CloseButton, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { ApiModel } from '../../api/schema/model.ts';
import { IconSearch } from '../../components/icons.tsx';
import { parseAppPath, paths } from '../../config/paths.ts';
import { EndpointTree } from './EndpointTree.tsx';
import classes from './EndpointTree.module.css';
import { groupEndpoints } from '../../api/schema/groups.ts';
import { filterGroups } from './tree-data.ts';

/** The navbar: a filter box over the endpoint tree of one instance. */
export function EndpointTreePanel({ instance, model }: { instance: string; model: ApiModel }) {
  const location = useLocation();
  const here = parseAppPath(location.pathname, location.search);
  const [filter, setFilter] = useState('');
  const treeBox = useRef<HTMLDivElement>(null);
  const groups = useMemo(() => groupEndpoints(model), [model]);
  const shown = useMemo(() => filterGroups(groups, filter), [groups, filter]);
  const total = Object.keys(model.endpoints).length;
  const matched = shown.reduce((sum, group) => sum + group.endpoints.length, 0);
  const filtering = filter.trim().length > 0;

  return (
    <Stack gap="xs" h="100%">
      <TextInput
        label="Filter endpoints"
        placeholder="name or path"
        size="xs"
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        leftSection={<IconSearch size={14} />}
        rightSection={
          filtering ? <CloseButton size="sm" aria-label="Clear filter" onClick={() => setFilter('')} /> : null
        }
        onKeyDown={(event) => {
          if (event.key === 'Escape') setFilter('');
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            treeBox.current?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]')?.focus();
          }
        }}
      />
      <Text size="xs" c="dimmed" aria-live="polite">
        {filtering ? `${matched} of ${total} endpoints` : `${total} endpoints`}
      </Text>
      {/* A native scroll box: Mantine's ScrollArea would pull floating-ui into the first screen's code. */}
      <Box ref={treeBox} flex={1} mih={0} className={classes.scroll}>
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed" py="sm">
            No endpoint matches “{filter.trim()}”.
          </Text>
        ) : (
          <EndpointTree
            groups={shown}
            selected={here.instance === instance ? (here.endpoint ?? null) : null}
            filtering={filtering}
            hrefFor={(endpoint) =>
              endpoint.browsable ? paths.list(instance, endpoint.name) : paths.docs(instance, endpoint.name)
            }
            docsHrefFor={(endpoint) => paths.docs(instance, endpoint.name)}
          />
        )}
      </Box>
    </Stack>
  );
}
