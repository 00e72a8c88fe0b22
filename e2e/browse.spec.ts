import { expect, test, type Request } from '@playwright/test';
import { signIn } from './pages/login-page.ts';
import { ListPage } from './pages/list-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';
import { watchConsoleErrors } from './support/console-errors.ts';
import { adminApi } from './support/alyx-api.ts';

const INSTANCE = 'sandbox';

test.describe('browsing records', () => {
  let consoleErrors: () => string[];

  test.beforeEach(async ({ page }) => {
    consoleErrors = watchConsoleErrors(page);
    await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}/sessions`);
  });

  test.afterEach(() => {
    expect(consoleErrors(), 'console errors while browsing').toEqual([]);
  });

  test('a researcher pages and filters sessions, opens one, follows its subject and comes back', async ({
    page,
  }) => {
    const sessions = new ListPage(page, 'sessions');
    await sessions.expectLoaded();
    await expect(sessions.count).toHaveText(/^[\d,]+ records$/);
    const total = await sessions.total();
    await expect(sessions.range).toHaveText(
      `1–${Math.min(250, total).toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`,
    );

    await sessions.setPageSize(25);
    await expect(page).toHaveURL(/limit=25/);
    await expect(sessions.range).toHaveText(/^1–25 of /);
    await sessions.next.click();
    await expect(page).toHaveURL(/offset=25/);
    await expect(sessions.range).toHaveText(/^26–50 of /);

    const subject = await sessions.firstRowValue('subject');
    await sessions.filterBy('subject', subject);
    await expect(page).toHaveURL(new RegExp(`subject=${subject}`));
    await expect(page).not.toHaveURL(/offset=/);
    await expect.poll(() => sessions.total()).toBeLessThan(total);
    await expect(sessions.row(0)).toContainText(subject);

    await sessions.openFirstRecord();
    await expect(page).toHaveURL(new RegExp(`/${INSTANCE}/sessions/[0-9a-f-]{36}$`));
    const sessionPath = new URL(page.url()).pathname;
    const sessionId = sessionPath.split('/').pop() ?? '';
    const record = new RecordPage(page);
    await record.expectRecord(sessionId);
    await expect(record.fieldLink('subject')).toHaveText(subject);
    await expect(record.tab(/^datasets/)).toBeVisible();

    await record.fieldLink('subject').click();
    await expect(page).toHaveURL(`/${INSTANCE}/subjects/${subject}`);
    await record.expectRecord(subject);
    await expect(record.tab(/^sessions/)).toBeVisible();

    // Going back is served from the query cache: no request reaches the instance.
    const requests: string[] = [];
    const onRequest = (request: Request) => {
      if (new URL(request.url()).pathname.startsWith(`/api/${INSTANCE}/`)) requests.push(request.url());
    };
    page.on('request', onRequest);
    await page.goBack();
    await record.expectRecord(sessionId);
    await expect(record.fieldLink('subject')).toHaveText(subject);
    page.off('request', onRequest);
    expect(requests).toEqual([]);

    // The URL alone is enough to come back to the same view.
    await page.reload();
    await record.expectRecord(sessionId);
    await expect(record.fieldLink('subject')).toHaveText(subject);
  });

  test('a 1,000-row page renders, only the visible rows in the DOM', async ({ page }) => {
    const datasets = new ListPage(page, 'datasets');
    await datasets.goto(INSTANCE, 'limit=1000');
    await expect(datasets.range).toHaveText(/^1–1,000 of /);
    const rendered = await datasets.table.getByRole('row').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(200);
    await datasets.table.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(datasets.table.locator('tr[aria-rowindex="1001"]')).toBeVisible();
  });

  test('a session holding malformed escapes, a lone surrogate and script-like text still lists and opens', async ({
    page,
    request,
  }) => {
    const api = await adminApi(request);
    const hostileProject = `http://x.example/%E0%A4%A-${Date.now()}`;
    await api.send('POST', '/projects', { name: hostileProject });
    const first = (await api.get<{ results: { id: string }[] }>('/sessions?limit=1')).results[0];
    expect(first).toBeDefined();
    const id = first?.id ?? '';
    const before = await api.get<{ projects: string[]; narrative: string | null }>(`/sessions/${id}`);
    await api.send('PATCH', `/sessions/${id}`, {
      projects: [...before.projects, hostileProject],
      narrative: 'javascript:alert(1) %ZZ \uD800 \u202Eevil <img src=x onerror=alert(1)>',
    });
    try {
      const sessions = new ListPage(page, 'sessions');
      await sessions.goto(INSTANCE, `id=${id}`);
      // An http value is a (shortened) outside link; its full text is the title.
      await expect(sessions.table.getByTitle(hostileProject)).toBeVisible();
      await expect(page.getByText('Something went wrong')).toHaveCount(0);

      const record = new RecordPage(page);
      await page.goto(`/${INSTANCE}/sessions/${id}`);
      await expect(record.fields).toBeVisible();
      await expect(record.field('projects')).toContainText(hostileProject);
      await expect(record.field('narrative')).toContainText('<img src=x onerror=alert(1)>');
      await expect(page.getByText('Something went wrong')).toHaveCount(0);
      await expect(page.locator('a[href^="javascript:" i], a[href^="data:" i]')).toHaveCount(0);
    } finally {
      await api.send('PATCH', `/sessions/${id}`, { projects: before.projects, narrative: before.narrative });
    }
  });
});
