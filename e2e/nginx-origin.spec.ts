import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { NGINX_HINT, findNginx } from '../scripts/find-nginx.mjs';
import {
  buildUnderBase,
  freePort,
  readableTempDir,
  renderRecipe,
  startNginx,
  type Nginx,
} from '../server/nginx-harness.ts';
import { LoginPage } from './pages/login-page.ts';
import { AppShell } from './pages/app-shell.ts';
import { DEMO_ACCOUNTS, sandboxUrl } from './support/stack.ts';
import { watchConsoleErrors } from './support/console-errors.ts';

// Recipe 2 of docs/deploy.md in Chromium: the EXPLORER_BASE=/explorer/ build served by nginx from
// docs/deploy/nginx-alyx-origin.conf, with the stack's sandbox as the Alyx on the same origin.
const nginxBinary = findNginx();

test.describe('the explorer as static files on Alyx’s origin, behind nginx', () => {
  test.skip(!nginxBinary, `nginx recipes skipped (no nginx binary): ${NGINX_HINT}`);
  let dir = '';
  let nginx: Nginx | undefined;
  let origin = '';

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    dir = readableTempDir('nginx-e2e-');
    const outDir = path.join(dir, 'alyx-explorer');
    await buildUnderBase(outDir, '/explorer/');
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const headers = path.join(dir, 'alyx-explorer-headers.conf');
    writeFileSync(headers, renderRecipe('alyx-explorer-headers.conf', []));
    const site = renderRecipe('nginx-alyx-origin.conf', [
      ['listen 443 ssl;', `listen 127.0.0.1:${port};`],
      ['    ssl_certificate     /etc/ssl/certs/alyx.lab.example.org.pem;\n', ''],
      ['    ssl_certificate_key /etc/ssl/private/alyx.lab.example.org.key;\n', ''],
      ['http://127.0.0.1:8000', sandboxUrl('sandbox')],
      ['https://alyx.lab.example.org', origin],
      ['/var/www/alyx-explorer/', `${outDir}/`],
      ['/etc/nginx/alyx-explorer-headers.conf', headers],
    ]);
    nginx = await startNginx(nginxBinary!, site, port);
  });

  test.afterAll(async () => {
    await nginx?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('boots from a deep link, logs in to Alyx directly and shows the endpoint tree', async ({ page }) => {
    const consoleErrors = watchConsoleErrors(page);
    const login = new LoginPage(page);
    await page.goto(`${origin}/explorer/alyx/~/login`);
    await expect(login.username).toBeVisible();
    await login.loginWithPassword(DEMO_ACCOUNTS.alice.username, DEMO_ACCOUNTS.alice.password);
    await expect(page).not.toHaveURL(/\/~\/login/, { timeout: 30_000 });
    await new AppShell(page).tree.expectLoaded();
    await expect(page).toHaveURL(new RegExp(`^${origin}/explorer/alyx`));
    // Anything the CSP in alyx-explorer-headers.conf refused would be a console error here.
    expect(consoleErrors(), 'console errors').toEqual([]);
  });
});
