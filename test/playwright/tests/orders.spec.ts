import { mergeTests, test as base } from '@playwright/test';
import { test as allotTest, expect } from '@allot/playwright';

// A fixture of the project's own, merged with allot's.
const orderTest = base.extend<{ orderNumber: string }>({
  // eslint-disable-next-line no-empty-pattern
  orderNumber: async ({}, use, testInfo) => {
    await use(`O-${testInfo.workerIndex}-${testInfo.title.length}`);
  },
});

const test = mergeTests(allotTest, orderTest);

test.describe('orders', () => {
  test('lists the orders', async ({ testData, orderNumber }) => {
    expect(orderNumber).toMatch(/^O-\d+-\d+$/);
    expect(testData.email).toContain('@');
  });

  test('reorders', async ({ testData, orderNumber }) => {
    expect(`${orderNumber} for ${testData.text('id')}`).toMatch(/^O-.* for U-\d\d$/);
  });

  test('cancels an order', async ({ testData }) => {
    expect(testData.test).toBe('orders > cancels an order');
  });
});
