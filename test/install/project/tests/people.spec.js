import { appendFileSync } from 'node:fs';
import { expect, test } from '@allot/playwright';

// No `page`: these tests need no browser, only their rows.
for (const n of [1, 2, 3, 4]) {
  test(`signs in ${n}`, async ({ testData }) => {
    expect(testData.email).toMatch(/@example\.test$/);
    expect(testData.status).toBe('active');
    const row = { test: n, id: testData.id, source: testData.source, pid: process.pid };
    appendFileSync('playwright-rows.jsonl', `${JSON.stringify(row)}\n`);
  });
}
