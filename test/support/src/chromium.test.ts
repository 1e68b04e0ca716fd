import { existsSync } from 'node:fs';
import { chromium as playwright } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { npmChromium, SYSTEM_CHROMIUM, testChromium } from './chromium.js';

describe('the Chromium of the browser tests', () => {
  it("is Debian's where installed, else the npm one", async () => {
    const browser = await testChromium();
    expect(browser.source).toBe(existsSync(SYSTEM_CHROMIUM) ? 'system' : 'npm');
  });

  // Run even where Debian's is installed, so a machine that has it still
  // checks the fallback a machine without it depends on.
  it('falls back to an npm Chromium that renders a page and takes input', async () => {
    const { executablePath, args } = await npmChromium();
    const browser = await playwright.launch({ executablePath, args, headless: true });
    try {
      const page = await browser.newPage();
      await page.setContent('<h1>Sign in</h1><label>Email <input name="email"></label>');
      await page.getByLabel('Email').fill('a@example.test');
      expect(await page.locator('h1').textContent()).toBe('Sign in');
      expect(await page.getByLabel('Email').inputValue()).toBe('a@example.test');
    } finally {
      await browser.close();
    }
  });
});
