import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, problemsOf, signedInPage } from './support/browser.js';
import type { DashboardServer } from './support/dashboard-server.js';
import { CUSTOMER_ROWS, customersCsv } from './support/seed-data.js';
import { seededDashboard, TESTER, VIEWER } from './support/seeded-dashboard.js';

// Globals of the page, for the functions Playwright runs there (the suite compiles without the DOM library).
declare const location: { hash: string };
declare const sessionStorage: { getItem(key: string): string | null };
declare const window: { marker?: number };

describe('the dashboard in Chromium against allot serve', () => {
  let server: DashboardServer & { shopJob: number };
  let browser: Browser;
  let tester: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([seededDashboard(), launchChromium()]);
    tester = await signedInPage(browser, server.url, TESTER);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const go = async (page: Page, hash: string) => {
    await page.evaluate((h) => (location.hash = h), hash);
  };

  test('signs in with a password: the role decides the sections, the token stays out of URLs', async () => {
    const nav = tester.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual([
      'Pools',
      'Jobs',
      'Leases',
      'Data blocks',
    ]);
    await expect(tester.locator('.role').textContent()).resolves.toBe('tester');
    const token = await tester.evaluate(() => sessionStorage.getItem('allot.token'));
    expect(token).toMatch(/^eyJ/);
    expect(tester.url()).not.toContain(token!);
  });

  test('watches a job run to completion live, without a reload', async () => {
    await go(tester, '#/jobs');
    await tester.getByRole('link', { name: `Job ${server.shopJob}`, exact: true }).waitFor();
    await tester.evaluate(() => (window.marker = 42));
    const polls: string[] = [];
    tester.on('request', (r) => {
      if (/\/api\/v1\/jobs\/\d+$/.test(r.url())) polls.push(r.url());
    });
    // Its one test waits three seconds on the application's database.
    const slow = await server.api<{ id: number; state: string }>('POST', '/api/v1/jobs', {
      tests: [{ pool: 'slow', suite: 'app', test: 'waits for the application database' }],
      server: 'appdb',
      waitMs: 0,
    });
    expect(slow.state).toBe('running');
    await tester.getByLabel('Job id').fill(String(slow.id));
    await tester.keyboard.press('Enter');
    const state = tester.getByTestId('job-state');
    await state.filter({ hasText: /^running/ }).waitFor({ timeout: 2_000 });
    await state.filter({ hasText: /^complete$/ }).waitFor({ timeout: 20_000 });
    expect(polls.filter((url) => url.endsWith(`/jobs/${slow.id}`)).length).toBeGreaterThan(1);
    await expect(
      tester
        .getByRole('row')
        .filter({ hasText: 'waits for the application database' })
        .textContent(),
    ).resolves.toContain('allocated');

    // A job started from a pool's page opens live too, and the list picks it up as it polls.
    await go(tester, '#/pools/shop');
    await tester.getByRole('button', { name: 'Run a job of every test' }).click();
    await tester.waitForURL(/#\/jobs\/\d+$/);
    const id = Number(/(\d+)$/.exec(tester.url())![1]);
    await state.filter({ hasText: /^failed$/ }).waitFor({ timeout: 20_000 });
    await go(tester, '#/jobs');
    await tester.getByRole('link', { name: `Job ${id}`, exact: true }).waitFor({ timeout: 10_000 });
    await expect(tester.evaluate(() => window.marker)).resolves.toBe(42);
  });

  test("finds a failed test's reason, and a test's values with secret columns masked", async () => {
    await go(tester, `#/jobs/${server.shopJob}`);
    const failed = tester.getByRole('row').filter({ hasText: 'restores a deleted account' });
    await expect(failed.locator('.reason').textContent()).resolves.toMatch(
      /status = deleted.*0 rows qualify/,
    );
    const card = tester.getByRole('row').filter({ hasText: 'pays with a saved card' });
    await card.getByRole('button', { name: /Show the values/ }).click();
    const values = await card.locator('.values').textContent();
    expect(values).toMatch(/id=C-\d{5}/);
    expect(values).toContain('password=***');
    expect(values).not.toMatch(/pw-\d/);
  });

  test('releases a lease and sees the free count rise', async () => {
    const freeOfGold = async () => {
      await go(tester, '#/pools/shop');
      const row = tester.locator('table.finds tr').filter({ hasText: 'tier = gold' });
      return Number((await row.locator('[data-cell="free"]').textContent())?.replace(/,/g, ''));
    };
    const before = await freeOfGold();
    await go(tester, '#/leases');
    await tester.getByLabel('Pool').fill('shop');
    await tester.getByRole('button', { name: 'Filter' }).click();
    await tester
      .getByRole('button', { name: 'Release shop / checkout / pays with a saved card' })
      .first()
      .click();
    const done = tester.getByRole('status').filter({ hasText: /rows released/ });
    await done.waitFor();
    const released = Number(/: (\d+) rows released/.exec((await done.textContent()) ?? '')?.[1]);
    expect(released).toBe(1);
    expect(await freeOfGold()).toBe(before + 1);
  });

  test('pages and filters a block, showing what the server answers', async () => {
    await go(tester, '#/blocks/customers');
    const caption = tester.locator('table.rows caption');
    await caption.filter({ hasText: 'Rows 1–50 of 3,000' }).waitFor();
    await tester.getByRole('button', { name: 'Next page' }).last().click();
    await caption.filter({ hasText: 'Rows 51–100 of 3,000' }).waitFor();
    await expect(
      tester.locator('table.rows tbody tr').first().locator('td').nth(1).textContent(),
    ).resolves.toBe('C-00051');

    // The locked customers of the seeded block, in row order: what the filter must show.
    const locked = customersCsv(CUSTOMER_ROWS)
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter((cells) => cells[3] === 'locked')
      .map((cells) => cells[0]);
    const shown = () => tester.locator('table.rows tbody tr td:nth-child(2)').allTextContents();
    const statuses = () => tester.locator('table.rows tbody tr td:nth-child(5)').allTextContents();
    await tester.getByLabel('Filter (OData $filter)').fill("status eq 'locked'");
    await tester.getByRole('button', { name: 'Apply' }).click();
    const total = locked.length.toLocaleString('en');
    await caption.filter({ hasText: `Rows 1–50 of ${total}` }).waitFor();
    expect(new Set(await statuses())).toEqual(new Set(['locked']));
    expect(await shown()).toEqual(locked.slice(0, 50));
    await tester.getByRole('button', { name: 'Next page' }).last().click();
    await caption.filter({ hasText: `Rows 51–100 of ${total}` }).waitFor();
    expect(await shown()).toEqual(locked.slice(50, 100));

    // A filter the server rejects: its 400 message is shown, not rows.
    const bad = 'nickname eq 1';
    const direct = await fetch(
      `${server.url}/api/v1/blocks/customers/rows?$filter=${encodeURIComponent(bad)}`,
      { headers: { authorization: `Bearer ${server.adminKey}` } },
    );
    expect(direct.status).toBe(400);
    const { message } = (await direct.json()) as { message: string };
    await tester.getByLabel('Filter (OData $filter)').fill(bad);
    await tester.getByRole('button', { name: 'Apply' }).click();
    const alert = tester.getByRole('alert').filter({ hasText: '400' });
    await expect(alert.locator('.error-message').textContent()).resolves.toBe(message);
    await expect(tester.locator('table.rows').count()).resolves.toBe(0);
  });

  test('downloads a CSV with the token in a header, not the URL', async () => {
    await go(tester, '#/blocks/customers');
    await tester.getByLabel('Download format').selectOption('csv');
    const [download] = await Promise.all([
      tester.waitForEvent('download'),
      tester.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('customers-1.0.csv');
    expect(download.url()).toMatch(/^blob:/);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('id,email,password,status,tier,balance');
    expect(lines).toHaveLength(3001);
  });

  test('a viewer sees no release button, and a forged release answers 403', async () => {
    const viewer = await signedInPage(browser, server.url, VIEWER, tester.context());
    try {
      await expect(viewer.locator('.role').textContent()).resolves.toBe('viewer');
      await go(viewer, '#/leases');
      await viewer.getByRole('table').waitFor();
      await go(viewer, `#/jobs/${server.shopJob}`);
      await viewer.getByRole('row').filter({ hasText: 'closes the account' }).waitFor();
      await expect(viewer.getByRole('button', { name: /^Release/ }).count()).resolves.toBe(0);
      const forged = await viewer.evaluate(async (job) => {
        const response = await fetch(`/api/v1/jobs/${job}/release`, {
          method: 'POST',
          headers: { authorization: `Bearer ${sessionStorage.getItem('allot.token')}` },
        });
        return { status: response.status, body: (await response.json()) as { code: string } };
      }, server.shopJob);
      expect(forged).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      const leases = await server.api<{ total: number }>(
        'GET',
        `/api/v1/leases?job=${server.shopJob}`,
      );
      expect(leases.total).toBeGreaterThan(0);
      expect(problemsOf(viewer)).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  test('no page broke the Content-Security-Policy or threw', () => {
    expect(problemsOf(tester)).toEqual([]);
  });
});
