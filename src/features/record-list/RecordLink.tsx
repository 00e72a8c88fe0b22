import type { ReactNode } from 'react';
import { PrefetchLink } from '../../components/PrefetchLink.tsx';
import type { ResolvedLink as ValueLink } from '../../lib/value-links.ts';
import { useListContext } from './list-context.ts';

/** A link from a list cell, prefetching the record it points to. */
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
  return (
    <PrefetchLink instance={instance} link={link} title={title}>
      {children}
    </PrefetchLink>
  );
}
