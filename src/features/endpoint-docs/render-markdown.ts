import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Markdown from an instance's schema → HTML safe to inject: the schema is remote input. */
export function renderMarkdown(text: string): string {
  const html = marked(text, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input'],
    FORBID_ATTR: ['style'],
  });
}
