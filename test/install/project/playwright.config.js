import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  reporter: [['json', { outputFile: 'playwright-report.json' }]],
  use: { allotPool: 'people' },
});
