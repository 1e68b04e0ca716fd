import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, problemsOf, signedInPage } from './support/browser.js';
import type { DashboardServer } from './support/dashboard-server.js';
import { seededDashboard } from './support/seeded-dashboard.js';

// Globals of the page, for the functions Playwright runs there (the suite compiles without the DOM library).
declare const location: { hash: string };
declare const document: { activeElement: { textContent: string | null; tagName: string } | null };

/** Set to a directory to save a screenshot of every page there (the README's images come from it). */
const SCREENSHOTS = process.env['ALLOT_DASHBOARD_SCREENSHOTS'];

/** Axe's findings that fail the page: serious and critical ones. */
async function seriousViolations(page: Page): Promise<string[]> {
  // The WCAG 2.1 A and AA rules: what "accessible" is held to (the best-practice rules only cost time).
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

describe('the dashboard is accessible', () => {
  let server: DashboardServer & { shopJob: number };
  let browser: Browser;
  // One context for every page: the npm Chromium runs as a single process, which closing a context can end.
  let context: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([seededDashboard(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (SCREENSHOTS !== undefined) await mkdir(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('signs in with the keyboard alone, and the sign-in page has no serious violations', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/ui/`);
    await page.getByRole('heading', { name: 'Sign in to allot' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    if (SCREENSHOTS !== undefined)
      await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') });
    // Tab to the key option, pick it with the arrow key, type the key, submit with Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type(server.adminKey);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    // The first Tab reaches the skip link, which moves focus to the page's content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    await page.close();
  });

  const pages: Array<[name: string, hash: (s: { shopJob: number }) => string, ready: string]> = [
    ['pools', () => '#/pools', 'table'],
    ['pool', () => '#/pools/shop', 'table.depletion'],
    ['jobs', () => '#/jobs', 'table'],
    ['job', (s) => `#/jobs/${s.shopJob}`, 'table.tests'],
    ['leases', () => '#/leases', 'table'],
    ['blocks', () => '#/blocks', 'table'],
    ['block', () => '#/blocks/customers', 'table.rows'],
    ['events', () => '#/events', 'table'],
  ];

  let admin: Page | undefined;
  test.each(pages)(
    'the %s page has no serious or critical violation',
    async (name, hash, ready) => {
      admin ??= await signedInPage(browser, server.url, { key: server.adminKey }, context);
      await admin.evaluate((h) => (location.hash = h), hash(server));
      await admin.locator(ready).first().waitFor();
      if (name === 'pool') await admin.locator('canvas').first().waitFor();
      expect(await seriousViolations(admin)).toEqual([]);
      if (SCREENSHOTS !== undefined)
        await admin.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      expect(problemsOf(admin)).toEqual([]);
    },
  );
});
