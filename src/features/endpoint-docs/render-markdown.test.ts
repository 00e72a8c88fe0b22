// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.ts';

const OWN = 'http://127.0.0.1:5173';

function render(markdown: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = renderMarkdown(markdown, OWN);
  return holder;
}

const NOT_LINKS: [string, string][] = [
  ['[docs](/api/hostile/pwn.html)', 'docs'],
  ['[docs](./pwn.html)', 'docs'],
  ['[docs](pwn.html)', 'docs'],
  ['[docs](//evil.example/x)', 'docs'],
  ['[docs](/__explorer/instances)', 'docs'],
  [`[docs](${OWN}/api/hostile/pwn.html)`, 'docs'],
  ['[docs](HTTP://127.0.0.1:5173/x)', 'docs'],
  ['[docs](http://user:pw@evil.example/x)', 'docs'],
  ['[docs](http:\\\\evil.example/x)', 'docs'],
  ['[docs](javascript:alert(1))', 'docs'],
  ['[docs](JaVaScRiPt:alert(1))', 'docs'],
  ['[docs](&#106;avascript:alert(1))', 'docs'],
  ['[docs](java&#x09;script:alert(1))', 'docs'],
  ['[docs](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', 'docs'],
  ['[docs](vbscript:msgbox(1))', 'docs'],
  ['[docs][ref]\n\n[ref]: /api/hostile/pwn.html', 'docs'],
  ['[docs][ref]\n\n[ref]: javascript:alert(1)', 'docs'],
  ['<a href="/api/hostile/pwn.html">docs</a>', 'docs'],
  ['<a href="&#x2f;&#x2f;evil.example">docs</a>', 'docs'],
  ['<a href="javascript&colon;alert(1)">docs</a>', 'docs'],
  ['<javascript:alert(1)>', 'javascript:alert(1)'],
];

describe('renderMarkdown against a hostile schema', () => {
  it.each(NOT_LINKS)('renders %j as text, not a link', (markdown, text) => {
    const out = render(markdown);
    expect(out.querySelector('a')).toBeNull();
    expect(out.textContent).toContain(text);
  });

  it.each([
    ['[Alyx](https://github.com/cortex-lab/alyx)', 'https://github.com/cortex-lab/alyx'],
    ['<https://openalyx.example/docs>', 'https://openalyx.example/docs'],
    ['see www.example.org', 'http://www.example.org/'],
    ['[r][1]\n\n[1]: http://other.example:5173/x', 'http://other.example:5173/x'],
    [
      '<a href="https://example.org/" onclick="alert(1)" style="x" id="root" class="c">a</a>',
      'https://example.org/',
    ],
  ])('keeps %j as an external link opening apart', (markdown, href) => {
    const links = render(markdown).querySelectorAll('a');
    expect(links).toHaveLength(1);
    const link = links[0] as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(href);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttributeNames().sort()).toEqual(['href', 'rel', 'target']);
  });

  it('shows images as their alt text and loads nothing', () => {
    const out = render(
      '![a chart](https://evil.example/track.png) and <img src=x onerror="alert(1)" alt="raw">',
    );
    expect(out.querySelector('img')).toBeNull();
    expect(out.textContent).toContain('a chart');
    expect(out.textContent).toContain('raw');
  });

  it.each([
    '<style>body{display:none}</style>',
    '<form action="/api/x"><input name="q"><button>go</button></form>',
    '<iframe src="/api/hostile/pwn.html"></iframe>',
    '<object data="/x"></object><embed src="/x">',
    '<svg><script>alert(1)</script></svg>',
    '<video poster="https://evil.example/p.png"><source src="https://evil.example/v.mp4"></video>',
    '<p onmouseover="alert(1)" style="position:fixed">x</p>',
    '<link rel="stylesheet" href="https://evil.example/s.css"><meta http-equiv="refresh" content="0;url=/x"><base href="/api/">',
    '<details open ontoggle="alert(1)">x</details>',
  ])('drops the dangerous parts of %j', (markdown) => {
    const out = render(markdown);
    expect(
      out.querySelector(
        'style, form, input, button, iframe, object, embed, svg, script, video, source, link, meta, base, details',
      ),
    ).toBeNull();
    for (const element of out.querySelectorAll('*'))
      for (const name of element.getAttributeNames()) expect(name).not.toMatch(/^on|^style$|^src|^poster$/);
  });

  it('keeps ordinary markdown', () => {
    const out = render(
      '**FILTERS**\n\n- `subject`: nickname\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```',
    );
    expect(out.querySelector('strong')?.textContent).toBe('FILTERS');
    expect(out.querySelector('li code')?.textContent).toBe('subject');
    expect(out.querySelectorAll('td')).toHaveLength(2);
    expect(out.querySelector('pre code')?.textContent).toBe('code\n');
  });
});
