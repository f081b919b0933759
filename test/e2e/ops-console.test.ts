// The admin ops console in Chromium: this process's heartbeat and the queue appear, a dead letter is
// retried from the page, and the log search finds a request's lines by its request id, route and text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { eventually } from '../support/eventually.ts';
import { startOps } from '../../src/platform/ops/heartbeat.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';

describe('admin ops console in Chromium', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let ops: { stop(): Promise<void> };

  before(async () => {
    process.env.OPS_HEARTBEAT_MS = '500';
    // Every request's info lines in the ring (the default keeps warnings and errors); the test app is silent by default.
    process.env.OPS_LOG_LEVEL = 'info';
    t = await startWebTestApp({ LOG_LEVEL: 'info' });
    ops = startOps(t.platform, 'api');
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await ops?.stop();
    await t?.close();
  });

  test('health, a dead letter retried, and logs found by request id, route and text', async () => {
    const admin = await registerUser(t.app);
    await t.platform.database.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.user.id).execute();
    // A job that fails once for good, so the console has a dead letter; the retry succeeds.
    let runs = 0;
    t.platform.jobs.process('ops-drill', async () => {
      runs += 1;
      if (runs === 1) throw new Error('first run fails on purpose');
    });
    await t.platform.jobs.enqueue('ops-drill', 'flaky', { n: 1 }, { attempts: 1 });
    await eventually('the dead letter', async () =>
      (await t.platform.jobs.listFailed({ limit: 5 })).length === 1 ? true : undefined,
    );
    // A request whose log lines the search must find by its id.
    const requestId = `ops-e2e-${Date.now()}`;
    await fetch(`${t.baseUrl}/api/v1/videos/does-not-exist`, { headers: { 'x-request-id': requestId } });
    // Another request to the same route pattern, found by the route filter but not by the first one's id.
    const otherRequestId = `ops-e2e-other-${Date.now()}`;
    await fetch(`${t.baseUrl}/api/v1/videos/${randomUUID()}`, { headers: { 'x-request-id': otherRequestId } });

    await signInThroughUi(page, admin, '/admin/ops');
    const processes = page.getByRole('table', { name: 'Processes' });
    await processes.getByRole('cell', { name: 'alive' }).first().waitFor();
    assert.match((await processes.textContent()) ?? '', /api/);
    const queues = page.getByRole('table', { name: 'Queues' });
    await queues.getByRole('cell', { name: 'ops-drill' }).waitFor();

    await page.getByText('first run fails on purpose').waitFor();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('No failed jobs.').waitFor();
    await eventually('the retried run', async () => (runs === 2 ? true : undefined));

    // A hopeless job is discarded instead (after a confirmation): gone from the console and the queue.
    t.platform.jobs.process('ops-hopeless', async () => {
      throw new Error('never going to work');
    });
    const hopeless = await t.platform.jobs.enqueue('ops-hopeless', 'hopeless', {}, { attempts: 1 });
    await page.reload();
    await page.getByText('never going to work').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Discard' }).click();
    await page.getByText('No failed jobs.').waitFor();
    assert.equal(await t.platform.jobs.getJob(hopeless.id), null);

    const search = page.getByRole('form', { name: 'Search logs' });
    await search.getByLabel('Request id').fill(requestId);
    await search.getByRole('button', { name: 'Search logs' }).click();
    const lines = page.getByRole('list', { name: 'Log lines' });
    await lines.getByText('request completed').first().waitFor();
    for (const text of await lines.getByRole('listitem').allTextContents()) assert.match(text, new RegExp(requestId));

    // By route: a line's route opens the lines of every request to that route pattern, whatever its id.
    await lines.getByRole('button', { name: 'GET /api/v1/videos/:id' }).first().click();
    await lines.getByText(`request ${otherRequestId}`).first().waitFor();
    for (const text of await lines.getByRole('listitem').allTextContents()) {
      assert.match(text, /GET \/api\/v1\/videos\/:id/);
    }
    // The route field, suggested from the logged routes: the console's own status polls.
    await search.getByLabel('Request id').fill('');
    await search.getByLabel('Route').fill('/api/v1/admin/ops/status');
    await search.getByRole('button', { name: 'Search logs' }).click();
    await lines.getByText('GET /api/v1/admin/ops/status').first().waitFor();
    for (const text of await lines.getByRole('listitem').allTextContents()) {
      assert.match(text, /GET \/api\/v1\/admin\/ops\/status/);
    }
    await page.locator('#log-routes option[value="/api/v1/videos/:id"]').waitFor({ state: 'attached' });
    await search.getByLabel('Route').fill('');

    await search.getByLabel('Request id').fill('');
    await search.getByLabel('Text').fill('job attempt failed');
    await search.getByLabel('Level at least').selectOption('warn');
    await search.getByRole('button', { name: 'Search logs' }).click();
    await lines.getByText('job attempt failed').first().waitFor();
    for (const text of await lines.getByRole('listitem').allTextContents()) assert.match(text, /warn|error/);
    // A time range that ends before the test began finds none of it.
    await search.getByLabel('Until').fill('2020-01-01T00:00');
    await search.getByRole('button', { name: 'Search logs' }).click();
    await page.getByText('No log lines match.').waitFor();
    await search.getByLabel('Until').fill('');
    await search.getByRole('button', { name: 'Search logs' }).click();
    await lines.getByText('job attempt failed').first().waitFor();
    await screenshot(page, 'admin-ops-console');
    assert.deepEqual(browser.pageErrors, []);
  });
});
