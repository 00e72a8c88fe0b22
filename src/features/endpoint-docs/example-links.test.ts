// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { testApiModel } from '../../testing/model.ts';
import { exampleLinker } from './example-links.ts';
import { renderMarkdown } from './render-markdown.ts';

const link = exampleLinker('sandbox', testApiModel());

describe('example requests in endpoint docs', () => {
  it('link an example list or record request to the same view in the explorer', () => {
    expect(link('/subjects?nickname=Hercules')).toBe('/sandbox/subjects?nickname=Hercules');
    expect(link('/sessions?date_range=2020-01-01,2020-02-01')).toBe(
      '/sandbox/sessions?date_range=2020-01-01,2020-02-01',
    );
    expect(link('/subjects/KS005')).toBe('/sandbox/subjects/KS005');
  });

  it('leave alone what is not a request to a browsable endpoint of this instance', () => {
    for (const code of [
      'subject',
      '/nothing-here?x=1',
      '/register-file',
      'javascript:alert(1)',
      '//evil/x',
      '/a b',
    ])
      expect(link(code), code).toBeNull();
  });

  it('render as explorer links around the code, only outside code blocks and existing links', () => {
    const holder = document.createElement('div');
    holder.innerHTML = renderMarkdown(
      '-   **nickname**: `/subjects?nickname=Hercules`\n\n```\n/subjects?nickname=Block\n```\n\n`subject`',
      'http://127.0.0.1:5173',
      link,
    );
    const anchors = [...holder.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual(['/sandbox/subjects?nickname=Hercules']);
    expect(anchors[0]?.querySelector('code')?.textContent).toBe('/subjects?nickname=Hercules');
    expect(anchors[0]?.hasAttribute('data-app-link')).toBe(true);
  });
});
