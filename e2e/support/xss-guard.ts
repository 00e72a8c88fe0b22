/** Browser-side checks that the XSS corpus ran nowhere: the flag, dialogs, script links, opener links. */
import { expect, type Page } from '@playwright/test';
import { XSS_FLAG } from './xss-corpus.ts';

/** Collects every dialog (alert/confirm/prompt) a payload opens, dismissing it. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    // The leave guard's own prompt (a dirty form) is the app's, not a payload's: let the navigation go.
    if (dialog.type() === 'beforeunload') return void dialog.accept();
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

interface LinkFacts {
  href: string;
  resolved: string;
  rel: string;
  target: string;
}

/** No payload ran, no script-capable link or frame exists, every link to another origin is noopener noreferrer. */
export async function expectNoXss(page: Page, dialogs: readonly string[], view: string): Promise<void> {
  expect(
    await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG),
    `${view}: window.${XSS_FLAG}`,
  ).toBeUndefined();
  expect(dialogs, `${view}: dialogs`).toEqual([]);
  const links = await page.evaluate((): LinkFacts[] =>
    [...document.querySelectorAll('a, area, [href], [xlink\\:href]')].map((el) => {
      const href = el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '';
      return {
        href,
        resolved: el instanceof HTMLAnchorElement ? el.href : href,
        rel: el.getAttribute('rel') ?? '',
        target: el.getAttribute('target') ?? '',
      };
    }),
  );
  // Browsers strip tabs and newlines inside a scheme before parsing it.
  const scheme = (url: string) =>
    /^\s*([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase();
  const dangerous = links.filter((link) =>
    ['javascript', 'data', 'vbscript'].includes(scheme(link.resolved) ?? scheme(link.href) ?? ''),
  );
  expect(dangerous, `${view}: script-capable links`).toEqual([]);
  const origin = await page.evaluate(() => location.origin);
  const foreign = links.filter(
    (link) => /^https?:/i.test(link.resolved) && new URL(link.resolved).origin !== origin,
  );
  for (const link of foreign) {
    const rel = new Set(link.rel.split(/\s+/));
    expect(
      rel.has('noopener') && rel.has('noreferrer'),
      `${view}: rel of ${link.resolved.slice(0, 120)} is "${link.rel}"`,
    ).toBe(true);
  }
  const frames = await page.locator('main iframe, main object, main embed, main frame').count();
  expect(frames, `${view}: frames or plugins in the page`).toBe(0);
  // The explorer's own bundles only; an inline script of the app itself never names the flag.
  const scripts = await page.evaluate(
    (flag) =>
      [...document.scripts]
        .filter((s) => (s.src ? !s.src.startsWith(location.origin) : s.text.includes(flag)))
        .map((s) => s.outerHTML.slice(0, 120)),
    XSS_FLAG,
  );
  expect(scripts, `${view}: hostile or foreign scripts`).toEqual([]);
}
