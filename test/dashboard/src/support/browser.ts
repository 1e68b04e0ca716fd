import { testChromium } from '@allot/test-support/chromium';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Chromium as every browser test of the suite launches it: Debian's where installed, else the npm one. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await testChromium();
  return chromium.launch({ executablePath, args, headless: true });
}

/** How a test signs in: a user's password, or an API key. */
export type Credentials = { user: string; password: string } | { key: string };

/**
 * Opens the dashboard in a new page and signs in through its form, as a
 * person would; resolves once the navigation shows. Fails the test on any
 * CSP violation or uncaught error in the page.
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  credentials: Credentials,
  // A page of its own keeps its own session storage, so one context serves several users.
  context?: BrowserContext,
): Promise<Page> {
  const owner =
    context ??
    (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } }));
  const page = await owner.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(`CSP: ${message.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(`${url}/ui/`);
  if ('key' in credentials) {
    await page.getByLabel('an API key').check();
    await page.getByLabel('API key', { exact: true }).fill(credentials.key);
  } else {
    await page.getByLabel('User (id or email)').fill(credentials.user);
    await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  }
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  return page;
}

/** What went wrong in a page so far: CSP violations and uncaught errors. */
export const problemsOf = (page: Page): string[] =>
  (page as Page & { problems: string[] }).problems;
