import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { detailQuery } from '../../api/queries/record-queries.ts';
import type { ValueLink } from './cell-links.ts';
import { useListContext } from './list-context.ts';

/** An explorer link that warms the target record's cache on hover or focus. */
export function RecordLink({
  link,
  children,
  title,
}: {
  link: ValueLink;
  children: ReactNode;
  title?: string;
}) {
  const { instance } = useListContext();
  const queryClient = useQueryClient();
  if (link.kind === 'external') {
    return (
      <Anchor href={link.href} target="_blank" rel="noreferrer" title={title ?? link.href} size="sm">
        {children}
      </Anchor>
    );
  }
  const { endpoint, lookup } = link;
  const prefetch =
    lookup === undefined
      ? undefined
      : () => void queryClient.prefetchQuery(detailQuery(instance, endpoint, lookup));
  return (
    <Anchor component={Link} to={link.to} onMouseEnter={prefetch} onFocus={prefetch} title={title} size="sm">
      {children}
    </Anchor>
  );
}
