import type { ReactNode } from 'react';
import { PrefetchLink } from '../../components/PrefetchLink.tsx';
import { useDetailContext, type DetailLink } from './detail-context.ts';

/** A link from a record's value, prefetching the record it points to. */
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
  return (
    <PrefetchLink instance={instance} link={link} title={title}>
      {children}
    </PrefetchLink>
  );
}
