import '@mantine/core/styles/Skeleton.layer.css';
import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';

const Markdown = lazy(() => import('./Markdown.tsx').then((module) => ({ default: module.Markdown })));

export function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<Skeleton height={60} />}>
      <Markdown text={text} />
    </Suspense>
  );
}
