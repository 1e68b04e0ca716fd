import { test, expect } from '@allot/playwright';

test.describe('checkout', () => {
  test('pays with a card', async ({ testData }) => {
    expect(testData.email).toMatch(/@example\.test$/);
  });

  test('pays with a saved card', async ({ testData }) => {
    expect(testData.get('card')).toMatch(/^4111-/);
  });

  test('applies a coupon', async ({ testData }) => {
    expect(testData.text('id')).toMatch(/^U-\d\d$/);
    expect(testData.status).toBe('active');
  });

  test.describe('refunds', () => {
    test('refunds an order', async ({ testData }) => {
      expect(testData.suite).toBe('checkout.spec.ts');
      expect(testData.test).toBe('checkout > refunds > refunds an order');
      expect(testData.pool).toBe('web');
    });
  });
});
