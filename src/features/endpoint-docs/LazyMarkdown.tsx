import '@mantine/core/styles/Skeleton.layer.css';
import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ExampleLinker } from './render-markdown.ts';

const Markdown = lazy(() => import('./Markdown.tsx').then((module) => ({ default: module.Markdown })));

export function LazyMarkdown({ text, exampleLink }: { text: string; exampleLink?: ExampleLinker }) {
  return (
    <Suspense fallback={<Skeleton height={60} />}>
      <Markdown text={text} exampleLink={exampleLink} />
    </Suspense>
  );
}
