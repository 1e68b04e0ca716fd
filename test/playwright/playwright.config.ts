import { defineConfig } from '@playwright/test';
import type { AllotOptions } from '@allot/playwright';
import { testChromium } from '@allot/test-support/chromium';

// The sample app's port; the tests give each run its own.
const port = Number(process.env.APP_PORT ?? 3210);
// Debian's Chromium where installed, else the npm one: Playwright downloads no browser here.
const { executablePath, args } = await testChromium();

export default defineConfig<AllotOptions>({
  testDir: './tests',
  fullyParallel: true,
  use: {
    allotPool: 'web',
    allotSecrets: ['card'],
    baseURL: `http://127.0.0.1:${port}`,
  },
  webServer: {
    command: 'node app/server.mjs',
    url: `http://127.0.0.1:${port}/health`,
    env: { APP_PORT: String(port) },
  },
  projects: [
    { name: 'data', testIgnore: 'sign-in.spec.ts' },
    {
      name: 'browser',
      testMatch: 'sign-in.spec.ts',
      use: { launchOptions: { executablePath, args } },
    },
  ],
});
