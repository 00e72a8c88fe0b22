import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { detailQuery } from '../../api/queries/record-queries.ts';
import { useDetailContext, type DetailLink } from './detail-context.ts';

/** A link to an explorer route (prefetching the record on hover/focus) or to an outside URL. */
export function ValueLink({
  link,
  children,
  title,
}: {
  link: DetailLink;
  children: ReactNode;
  title?: string;
}) {
  const { instance } = useDetailContext();
  const queryClient = useQueryClient();
  if (link.kind === 'external') {
    return (
      <Anchor
        href={link.href}
        target="_blank"
        rel="noreferrer"
        title={title ?? link.href}
        size="sm"
        style={{ wordBreak: 'break-all' }}
      >
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
