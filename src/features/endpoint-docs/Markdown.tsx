import '@mantine/core/styles/Typography.layer.css';
import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown.ts';
import classes from './EndpointDocs.module.css';

/** Loaded lazily (marked + DOMPurify stay out of the first screen). */
export function Markdown({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <Typography fz="sm" className={classes.prose} dangerouslySetInnerHTML={{ __html: html }} />;
}
