import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, E2E_APP_URL } from './support/stack.ts';
import { signIn } from './pages/login-page.ts';

const LONG = 'W'.repeat(20_000);
const HOSTILE = [
  `Hostile ${LONG} words.`,
  '[proxied](/api/hostile/pwn.html) [relative](./pwn.html) [scheme-relative](//evil.example/x)',
  `[own origin](${E2E_APP_URL}/__explorer/instances) [script](javascript:alert(1)) [data](data:text/html,x)`,
  '<a href="/api/hostile/pwn.html">raw anchor</a> <img src="https://evil.example/t.png" alt="tracker">',
  '[external](https://github.com/cortex-lab/alyx)',
  `\`${LONG}\``,
  '```',
  LONG,
  '```',
  '',
  '| a | b |',
  '|---|---|',
  `| ${LONG} | x |`,
].join('\n');

/** Every `description` in the document, hostile: the instance's schema is remote input. */
function poison(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(poison);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === 'description' ? HOSTILE : poison(value)]),
  );
}

async function serveHostileSchema(page: Page): Promise<void> {
  // The real sandbox answers; only its descriptions are replaced (start-stack has no hostile instance).
  await page.route('**/api/sandbox/api/schema**', async (route) => {
    const response = await route.fetch();
    const document = (await response.json()) as {
      paths: Record<string, unknown>;
      components?: { schemas?: Record<string, unknown> };
    };
    // Only the sessions endpoint's text: poisoning every description makes a document of megabytes.
    for (const path of Object.keys(document.paths))
      if (path.startsWith('/sessions')) document.paths[path] = poison(document.paths[path]);
    const schemas = document.components?.schemas ?? {};
    for (const name of Object.keys(schemas))
      if (/^(Patched)?Session/.test(name)) schemas[name] = poison(schemas[name]);
    await route.fulfill({ response, json: document });
  });
}

for (const width of [1280, 800]) {
  test(`hostile schema text neither links into the explorer nor widens the docs page at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await serveHostileSchema(page);
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice, '/sandbox/sessions/~/docs');
    await expect(page.getByRole('heading', { level: 1, name: 'sessions' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByText('raw anchor').first()).toBeVisible();

    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);

    const hrefs = await main.locator('a[href]').evaluateAll((links) =>
      links.map((link) => ({
        href: (link as HTMLAnchorElement).href,
        text: link.textContent,
        rel: link.getAttribute('rel'),
        target: link.getAttribute('target'),
      })),
    );
    const fromDocs = hrefs.filter((link) =>
      [
        'proxied',
        'relative',
        'scheme-relative',
        'own origin',
        'script',
        'data',
        'raw anchor',
        'external',
      ].includes(link.text ?? ''),
    );
    expect(fromDocs.every((link) => link.text === 'external')).toBe(true);
    const external = fromDocs.filter((link) => link.text === 'external');
    expect(external.length).toBeGreaterThan(0);
    for (const link of external)
      expect(link).toEqual({
        href: 'https://github.com/cortex-lab/alyx',
        text: 'external',
        rel: 'noopener noreferrer',
        target: '_blank',
      });
    await expect(main.locator('img')).toHaveCount(0);

    // Wrapping the hostile text must not crush the columns beside it into one letter per line
    // (two lines for "Relation / choices" are fine; "Name" broken letter by letter was 4).
    for (const name of ['Filters', 'Fields']) {
      const heights = await page
        .getByRole('table', { name, exact: true })
        .locator('th')
        .evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().height));
      expect(Math.max(...heights), `${name} header height`).toBeLessThan(80);
    }

    await page.screenshot({ path: `screenshots/hostile-docs-${width}.png` });
    await page.getByRole('heading', { name: 'Filters' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/hostile-docs-${width}-tables.png` });
  });
}
