// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MARKUP_PAYLOADS, URL_PAYLOADS } from '../e2e/support/xss-corpus.ts';
import {
  prepareModel,
  prerenderedInstance,
  renderNavigation,
  MAX_PRERENDERED_ENDPOINTS,
} from '../src/app/prerender/render-navigation.tsx';

/** What the tree's own markup is made of; a payload that became an element would be something else. */
const SAFE_TAGS = new Set([
  'style',
  'div',
  'a',
  'header',
  'nav',
  'main',
  'label',
  'input',
  'svg',
  'circle',
  'path',
  'p',
  'ul',
  'li',
  'span',
]);

const schema = (paths: Record<string, unknown>) => ({
  openapi: '3.0.3',
  info: { title: 'x', version: '1' },
  paths,
});
const list = (i: number, text: string, tag: string) => ({
  get: {
    operationId: `op${i}_list`,
    tags: [tag],
    description: text,
    responses: { 200: { description: text } },
  },
});

describe('renderNavigation', () => {
  it('renders hostile endpoint names, tags and descriptions as text: no element, handler or link of theirs', () => {
    const names = [...MARKUP_PAYLOADS, ...URL_PAYLOADS];
    const doc = schema(
      Object.fromEntries(
        names.map((name, i) => [
          `/${name}`,
          list(i, name, MARKUP_PAYLOADS[i % MARKUP_PAYLOADS.length] ?? ''),
        ]),
      ),
    );
    const model = prepareModel(doc);
    expect(model).not.toBeNull();
    const { head, body } = renderNavigation({ name: 'evil"><script>x</script>' }, model!);
    // Parsed as a browser parses it: every payload stays text.
    const page = new DOMParser().parseFromString(
      `<html><head>${head}</head><body>${body}</body></html>`,
      'text/html',
    );
    expect(page.body.textContent).toContain('<script>window.__xss=1');
    const elements = [...page.body.querySelectorAll('*')];
    expect(elements.map((e) => e.tagName.toLowerCase()).filter((tag) => !SAFE_TAGS.has(tag))).toEqual([]);
    expect(
      elements.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
    ).toEqual([]);
    for (const element of page.body.querySelectorAll('[href], [src], [action], [formaction]')) {
      const target =
        element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? '';
      expect(target, element.outerHTML.slice(0, 200)).toMatch(
        /^\/evil%22%3E%3Cscript%3Ex%3C%2Fscript%3E(\/|$)|^#main$/,
      );
    }
    // The head holds exactly the gate script, with the instance name as an attribute value.
    const scripts = [...page.head.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('data-instance'))).toEqual(['evil"><script>x</script>']);
  });

  it('leaves very large schemas to the browser: the server renders synchronously', () => {
    const paths = Object.fromEntries(
      Array.from({ length: MAX_PRERENDERED_ENDPOINTS + 1 }, (_, i) => [`/e${i}`, list(i, 'd', 't')]),
    );
    expect(prepareModel(schema(paths))).toBeNull();
    expect(prepareModel(schema({ '/e0': list(0, 'd', 't') }))).not.toBeNull();
    expect(prepareModel({ nothing: true })).toBeNull();
    expect(prepareModel('not a schema')).toBeNull();
  });

  it('names the instance for every view that shows the tree, as the layout does', () => {
    expect(prerenderedInstance('/alyx')).toBe('alyx');
    expect(prerenderedInstance('/alyx/sessions?subject=x')).toBe('alyx');
    expect(prerenderedInstance('/alyx/sessions/1/~/edit')).toBe('alyx');
    expect(prerenderedInstance('/alyx/~/login?next=%2Falyx')).toBeNull();
    expect(prerenderedInstance('/')).toBeNull();
  });
});
