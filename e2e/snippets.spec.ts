/** Snippets on the sandbox: each language copied for a filtered list and for a record; the token masked. */
import { expect, test, type Page } from '@playwright/test';
import { FormPage } from './pages/form-page.ts';
import { ListPage } from './pages/list-page.ts';
import { signIn } from './pages/login-page.ts';
import { PalettePage } from './pages/palette-page.ts';
import { SnippetsPanel } from './pages/snippets-panel.ts';
import { screenshotForDocs, violationsInEveryLook } from './support/axe.ts';
import { DEMO_ACCOUNTS, sandboxUrl } from './support/stack.ts';

const INSTANCE = 'sandbox';
const ROOT = sandboxUrl(INSTANCE);

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

function storedToken(page: Page): Promise<string> {
  return page.evaluate(
    (instance) => sessionStorage.getItem(`alyx-explorer:token:${instance}`) ?? '',
    INSTANCE,
  );
}

async function firstSession(page: Page): Promise<{ id: string; nickname: string }> {
  return page.evaluate(async (instance) => {
    const token = sessionStorage.getItem(`alyx-explorer:token:${instance}`);
    const reply = await fetch(`/api/${instance}/sessions?limit=1`, {
      headers: { authorization: `Token ${token}` },
    });
    const row = ((await reply.json()) as { results: { id: string; subject: string }[] }).results[0];
    return { id: row?.id ?? '', nickname: row?.subject ?? '' };
  }, INSTANCE);
}

test.describe('snippets', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}`);
  });

  test('a filtered list in every language; the token masked until revealed', async ({ page }) => {
    const token = await storedToken(page);
    expect(token.length).toBeGreaterThan(10);
    const { nickname } = await firstSession(page);
    const list = new ListPage(page, 'sessions');
    await list.goto(INSTANCE, `subject=${nickname}&limit=25`);
    const panel = new SnippetsPanel(page);
    await panel.open.click();
    await expect(panel.dialog).toBeVisible();

    const one = await panel.copy('ONE');
    expect(one).toContain(`one = ONE(base_url='${ROOT}')`);
    expect(one).toContain(`one.alyx.rest('sessions', 'list', subject='${nickname}')`);
    const requests = await panel.copy('Python requests');
    expect(requests).toContain(`'${ROOT}/sessions',`);
    expect(requests).toContain(`params={'subject': '${nickname}', 'limit': '25'},`);
    const curl = await panel.copy('curl');
    expect(curl).toContain(`curl '${ROOT}/sessions?subject=${encodeURIComponent(nickname)}&limit=25'`);
    expect(curl).toContain('"Authorization: Token $ALYX_TOKEN"');
    const ts = await panel.copy('TypeScript');
    expect(ts).toContain(`alyx.listPage("sessions", { subject: "${nickname}", limit: "25" })`);
    for (const code of [one, requests, curl, ts]) expect(code).not.toContain(token);
    await expect(panel.warning).toHaveCount(0);

    await panel.reveal.check();
    await expect(panel.warning).toBeVisible();
    const revealed = await panel.copy('curl');
    expect(revealed).toContain(`-H 'Authorization: Token ${token}'`);
    expect(revealed.split('\n')[0]).not.toContain(token);
    expect(await panel.copy('Python requests')).toContain(`'Token ${token}'`);

    // Closing masks again.
    await page.keyboard.press('Escape');
    await panel.open.click();
    await expect(panel.reveal).not.toBeChecked();
    expect(await panel.copy('curl')).not.toContain(token);
  });

  test('a session record: ONE read, list_datasets and load_object; the other languages ask for the record', async ({
    page,
  }) => {
    const { id } = await firstSession(page);
    await page.goto(`/${INSTANCE}/sessions/${id}`);
    await expect(page.getByRole('table', { name: 'Fields' })).toBeVisible();
    const panel = new SnippetsPanel(page);
    await panel.open.click();
    const one = await panel.copy('ONE');
    expect(one).toContain(`record = one.alyx.rest('sessions', 'read', id='${id}')`);
    expect(one).toContain('datasets = one.list_datasets(eid)');
    expect(one).toMatch(/= one\.load_object\(eid, '\w+'\)/);
    expect(await panel.copy('curl')).toContain(`curl '${ROOT}/sessions/${id}'`);
    expect(await panel.copy('Python requests')).toContain(`'${ROOT}/sessions/${id}',`);
    expect(await panel.copy('TypeScript')).toContain(`alyx.get("/sessions/${id}")`);
  });

  test('from the palette: the snippets of a list, and the request of a form; none offered where there are none', async ({
    page,
  }) => {
    const palette = new PalettePage(page);
    await palette.open();
    await page.keyboard.insertText('snippets');
    await expect(palette.option('Show code snippets for this view')).toHaveCount(0);
    await page.keyboard.press('Escape');

    const list = new ListPage(page, 'sessions');
    await list.goto(INSTANCE, 'limit=5');
    await palette.run('snippets');
    const panel = new SnippetsPanel(page);
    await expect(panel.dialog).toBeVisible();
    await expect(panel.dialog).toContainText("one.alyx.rest('sessions', 'list'");
    await page.keyboard.press('Escape');

    const { id } = await firstSession(page);
    const form = new FormPage(page);
    await page.goto(`/${INSTANCE}/sessions/${id}/~/edit`);
    await expect(form.showRequest).toBeVisible({ timeout: 30_000 });
    await expect(form.curl).toHaveCount(0);
    await palette.run('curl');
    await expect(form.curl).toContainText(`/sessions/${id}`);
    await expect(form.oneCall).toContainText("one.alyx.rest('sessions', 'partial_update'");
  });

  test('the panel has no serious axe violations at 1280 and 800 px, light and dark', async ({ page }) => {
    test.setTimeout(180_000);
    const found = await violationsInEveryLook(page, async ({ scheme, width }) => {
      const list = new ListPage(page, 'sessions');
      await list.goto(INSTANCE, 'task_protocol=ephys&limit=25');
      const panel = new SnippetsPanel(page);
      await panel.open.click();
      await panel.tab('Python requests').click();
      // The screenshot with the token masked, as a user first sees it; axe also checks the revealed state.
      if ((scheme === 'dark' && width === 1280) || (scheme === 'light' && width === 800))
        await screenshotForDocs(page, `snippets-${scheme}-${width}`);
      await panel.reveal.check();
      await expect(panel.warning).toBeVisible();
    });
    expect(found).toEqual([]);
  });
});
