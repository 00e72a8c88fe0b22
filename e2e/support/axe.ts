import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Serious and critical axe-core violations on the page as it is now, one readable line each. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
      ),
    );
}

export type Look = { scheme: 'light' | 'dark'; width: 1280 | 800 };

/** The four looks every changed view is checked in. */
export const LOOKS: readonly Look[] = [
  { scheme: 'light', width: 1280 },
  { scheme: 'light', width: 800 },
  { scheme: 'dark', width: 1280 },
  { scheme: 'dark', width: 800 },
];

/**
 * For each look: sets the viewport and colour scheme, lets `arrange` bring the view to the state
 * to check (and take its screenshot), then collects the serious axe violations, labelled by look.
 */
export async function violationsInEveryLook(
  page: Page,
  arrange: (look: Look) => Promise<void>,
): Promise<string[]> {
  const found: string[] = [];
  for (const look of LOOKS) {
    await page.setViewportSize({ width: look.width, height: 900 });
    await page.emulateMedia({ colorScheme: look.scheme });
    await arrange(look);
    found.push(...(await seriousA11yViolations(page)).map((line) => `${look.scheme} ${look.width}: ${line}`));
  }
  return found;
}

/** A screenshot of the page as it is now, into docs/screenshots/ (kept in the repository). */
export async function screenshotForDocs(page: Page, name: string): Promise<void> {
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}
