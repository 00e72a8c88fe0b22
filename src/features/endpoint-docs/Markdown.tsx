import '@mantine/core/styles/Typography.layer.css';
import { Typography } from '@mantine/core';
import { useMemo, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { renderMarkdown, type ExampleLinker } from './render-markdown.ts';
import classes from './EndpointDocs.module.css';

/** Loaded lazily (marked + DOMPurify stay out of the first screen). */
export function Markdown({ text, exampleLink }: { text: string; exampleLink?: ExampleLinker }) {
  const navigate = useNavigate();
  const html = useMemo(
    () => renderMarkdown(text, globalThis.location.origin, exampleLink),
    [text, exampleLink],
  );
  // Example links are explorer routes: follow them in the app (a modified click still opens a tab).
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const link = (event.target as Element).closest('a[data-app-link]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    void navigate(link.getAttribute('href') ?? '/');
  };
  return (
    <Typography
      fz="sm"
      className={classes.prose}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
