import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { InstanceConfig } from '../api/instances.ts';
import { detailQuery } from '../api/queries/record-queries.ts';
import type { ResolvedLink } from '../lib/value-links.ts';

/**
 * A link to an explorer route that warms the target record's cache on hover or focus, so the
 * record opens at once; outside URLs open in a new tab.
 */
export function PrefetchLink({
  instance,
  link,
  children,
  title,
  inherit = false,
}: {
  instance: InstanceConfig;
  link: ResolvedLink;
  children: ReactNode;
  title?: string;
  /** Take the surrounding font size (compact table cells) instead of the default small text. */
  inherit?: boolean;
}) {
  const queryClient = useQueryClient();
  if (link.kind === 'external') {
    return (
      <Anchor
        href={link.href}
        target="_blank"
        rel="noopener noreferrer"
        title={title ?? link.href}
        size="sm"
        inherit={inherit}
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
    <Anchor
      component={Link}
      to={link.to}
      onMouseEnter={prefetch}
      onFocus={prefetch}
      title={title}
      size="sm"
      inherit={inherit}
    >
      {children}
    </Anchor>
  );
}
