/** The django= query builder on the sandbox: rows → URL → every listed row matches; reload; Alyx's error. */
import { expect, test, type Page } from '@playwright/test';
import { ListPage } from './pages/list-page.ts';
import { signIn } from './pages/login-page.ts';
import { adminApi, type AlyxApi } from './support/alyx-api.ts';
import { screenshotForDocs, seriousA11yViolations, violationsInEveryLook } from './support/axe.ts';
import { DEMO_ACCOUNTS, sandboxUrl } from './support/stack.ts';

const INSTANCE = 'sandbox';

interface Session {
  id: string;
  subject: string;
}
interface SessionPage {
  count: number;
  next: string | null;
  results: Session[];
}

async function allSessions(api: AlyxApi, query = ''): Promise<Session[]> {
  const out: Session[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api.get<SessionPage>(
      `/sessions?limit=1000&offset=${offset}${query ? `&${query}` : ''}`,
    );
    out.push(...page.results);
    if (!page.next || page.results.length === 0) return out;
  }
}

/** A fragment shared by several nicknames, one of them to exclude. */
function pickFragment(sessions: Session[]): { fragment: string; excluded: string } {
  const nicknames = [...new Set(sessions.map((s) => s.subject))];
  for (const nickname of nicknames) {
    const fragment = nickname.slice(0, 2).toLowerCase();
    const sharing = nicknames.filter((other) => other.toLowerCase().includes(fragment));
    if (sharing.length >= 2) return { fragment, excluded: nickname };
  }
  throw new Error('no two seeded nicknames share a fragment');
}

class Builder {
  constructor(readonly page: Page) {}
  get toggle() {
    return this.page.getByRole('button', { name: 'Query builder (django=)' });
  }
  get form() {
    return this.page.getByRole('form', { name: 'Query builder' });
  }
  /** Opens the panel; its code loads on demand, which a busy machine can make slow. */
  async open(): Promise<void> {
    await this.toggle.click();
    await expect(this.form).toBeVisible({ timeout: 30_000 });
  }
  field(n: number) {
    return this.form.getByRole('combobox', { name: `Field of condition ${n}` });
  }
  lookup(n: number) {
    return this.form.getByRole('combobox', { name: `Lookup of condition ${n}` });
  }
  value(n: number) {
    return this.form.getByRole('textbox', { name: `Value of condition ${n}` });
  }
  negate(n: number) {
    return this.form.getByRole('checkbox', { name: `NOT (exclude, ~) condition ${n}` });
  }
  get add() {
    return this.form.getByRole('button', { name: 'Add condition' });
  }
  get apply() {
    return this.form.getByRole('button', { name: 'Apply query' });
  }
  async setField(n: number, path: string): Promise<void> {
    await this.field(n).fill(path);
    // Closes the suggestions without picking one.
    await this.field(n).press('Escape');
  }
}

/** The machine is shared: a cold list (schema, count over every session) may take longer than 10 s. */
async function settled(list: ListPage): Promise<void> {
  await expect(list.range).toBeVisible({ timeout: 30_000 });
  await list.expectLoaded();
}

async function subjectsShown(list: ListPage): Promise<string[]> {
  const headers = await list.table.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === 'subject');
  expect(index, headers.join(', ')).toBeGreaterThanOrEqual(0);
  const rows = list.table.getByRole('row');
  const count = await rows.count();
  const out: string[] = [];
  for (let i = 1; i < count; i += 1)
    out.push(((await rows.nth(i).getByRole('cell').nth(index).textContent()) ?? '').trim());
  return out;
}

test.describe('django= query builder', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}`);
  });

  test('rows → URL and ONE live; Apply lists only matching rows; reload keeps it; a bad lookup shows Alyx’s error', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const api = await adminApi(request, INSTANCE);
    const sessions = await allSessions(api);
    const { fragment, excluded } = pickFragment(sessions);
    const expected = sessions.filter(
      (s) => s.subject.toLowerCase().includes(fragment) && s.subject !== excluded,
    );
    const django = `subject__nickname__icontains,${fragment},~subject__nickname,${excluded}`;

    const list = new ListPage(page, 'sessions');
    await page.goto(`/${INSTANCE}/sessions?limit=100&offset=100`);
    await settled(list);
    const builder = new Builder(page);
    await builder.open();
    await expect(builder.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(builder.field(1)).toBeFocused();
    await builder.setField(1, 'subject__nickname');
    await builder.lookup(1).selectOption('icontains');
    await builder.value(1).fill(fragment);
    await builder.add.click();
    await expect(builder.field(2)).toBeFocused();
    await builder.setField(2, 'subject__nickname');
    await builder.negate(2).check();
    await builder.value(2).fill(excluded);

    await expect(page.getByTestId('builder-url')).toHaveText(
      `${sandboxUrl(INSTANCE)}/sessions?limit=100&django=${django}`,
    );
    await expect(page.getByTestId('builder-one')).toHaveText(
      `one.alyx.rest('sessions', 'list', django='${django}')`,
    );
    await builder.apply.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('django')).toBe(django);
    expect(new URL(page.url()).searchParams.get('offset')).toBeNull();
    await expect.poll(() => list.total().catch(() => -1)).toBe(expected.length);
    await list.expectLoaded();
    // Every row listed matches, and Alyx (the admin API) agrees on exactly which ones.
    const shown = await subjectsShown(list);
    // The table renders the rows in view (virtualised): each of them, at least.
    expect(shown.length).toBeGreaterThan(0);
    for (const subject of shown) {
      expect(subject.toLowerCase()).toContain(fragment);
      expect(subject).not.toBe(excluded);
    }
    const viaApi = await allSessions(api, `django=${encodeURIComponent(django)}`);
    expect(viaApi.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());

    // Reload: the URL keeps the query, and the builder reads it back into rows.
    await page.reload();
    await settled(list);
    expect(await list.total()).toBe(expected.length);
    await builder.open();
    await expect(builder.field(1)).toHaveValue('subject__nickname');
    await expect(builder.lookup(1)).toHaveValue('icontains');
    await expect(builder.value(1)).toHaveValue(fragment);
    await expect(builder.negate(1)).not.toBeChecked();
    await expect(builder.field(2)).toHaveValue('subject__nickname');
    await expect(builder.lookup(2)).toHaveValue('');
    await expect(builder.negate(2)).toBeChecked();
    await expect(builder.value(2)).toHaveValue(excluded);

    // A comma the parser would split on is stated, and blocks Apply.
    await builder.value(1).fill(`${fragment},x`);
    await expect(builder.form.getByText('Alyx splits django= on every comma')).toBeVisible();
    await expect(builder.apply).toBeDisabled();
    await builder.value(1).fill(fragment);

    // An unknown field: Alyx's own FieldError, the builder open with its rows.
    await builder.setField(1, 'subject__nicknme');
    await builder.apply.click();
    const alert = page.getByRole('alert').filter({ hasText: "Cannot resolve keyword 'nicknme' into field" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Choices are:');
    await expect(page.getByTestId('builder-refused')).toContainText("Cannot resolve keyword 'nicknme'");
    await expect(builder.field(1)).toHaveValue('subject__nicknme');
    await expect(builder.value(1)).toHaveValue(fragment);
    await expect(builder.negate(2)).toBeChecked();
    await expect(builder.value(2)).toHaveValue(excluded);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Alyx's choices become suggestions for the path that failed.
    await builder.field(1).fill('subject__nick');
    await expect(page.getByRole('option', { name: 'subject__nickname', exact: true })).toBeVisible();
    await builder.field(1).press('Escape');
  });

  test('the builder has no serious axe violations at 1280 and 800 px, light and dark', async ({ page }) => {
    test.setTimeout(300_000);
    const found = await violationsInEveryLook(page, async ({ scheme, width }) => {
      const list = new ListPage(page, 'sessions');
      await page.goto(
        `/${INSTANCE}/sessions?` +
          `limit=10&django=${encodeURIComponent('subject__nickname__icontains,dy,~start_time__date__lt,2020-01-01,extended_qc__isnull,False')}`,
      );
      await expect(list.range).toBeVisible({ timeout: 30_000 });
      const builder = new Builder(page);
      await builder.open();
      await expect(builder.field(3)).toHaveValue('extended_qc');
      await builder.value(1).fill('dy,x');
      await expect(builder.form.getByText('Alyx splits django= on every comma')).toBeVisible();
      await builder.form.scrollIntoViewIfNeeded();
      await screenshotForDocs(page, `query-builder-${scheme}-${width}`);
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(sideways, `${scheme} ${width}: sideways scroll`).toBe(false);
    });
    expect(found).toEqual([]);
  });
});
