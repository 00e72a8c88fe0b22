import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** What markdown produces, and nothing that loads, submits, styles or runs anything. */
const ALLOWED_TAGS = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'align', 'start'];

/**
 * Only an absolute http(s) link to another origin stays a link. Anything else — relative paths,
 * `//host`, the explorer's own origin (where the proxy serves instance content), script and data
 * URLs — would let a hostile schema point the user at pages it controls on our origin.
 */
export function externalHref(raw: string, ownOrigin: string): string | null {
  if (!/^https?:\/\/[^/\\]/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.origin === ownOrigin || url.username !== '' || url.password !== '') return null;
  return url.href;
}

function asText(element: Element, text: string): void {
  element.replaceWith(element.ownerDocument.createTextNode(text));
}

/**
 * Turns an example request shown as code (`/subjects?nickname=Hercules`) into the explorer path of
 * that view, or null. Built by our own URL scheme, never taken from the schema text as a link.
 */
export type ExampleLinker = (code: string) => string | null;

/** Markdown from an instance's schema → HTML safe to inject: the schema is remote input. */
export function renderMarkdown(
  text: string,
  ownOrigin: string = globalThis.location.origin,
  exampleLink?: ExampleLinker,
): string {
  const html = marked(text, { async: false, gfm: true, breaks: false });
  const fragment = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  // No requests to remote origins from reading the docs: an image becomes its alt text.
  for (const image of fragment.querySelectorAll('img')) asText(image, image.getAttribute('alt') ?? '');
  for (const anchor of fragment.querySelectorAll('a')) {
    const href = externalHref(anchor.getAttribute('href') ?? '', ownOrigin);
    if (href === null) {
      asText(anchor, anchor.textContent);
      continue;
    }
    anchor.setAttribute('href', href);
    anchor.setAttribute('rel', 'noopener noreferrer');
    anchor.setAttribute('target', '_blank');
  }
  if (exampleLink) {
    for (const code of fragment.querySelectorAll('code')) {
      if (code.closest('a, pre')) continue;
      const to = exampleLink(code.textContent.trim());
      if (to === null) continue;
      const anchor = fragment.ownerDocument.createElement('a');
      anchor.setAttribute('href', to);
      anchor.setAttribute('data-app-link', '');
      code.replaceWith(anchor);
      anchor.append(code);
    }
  }
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}
