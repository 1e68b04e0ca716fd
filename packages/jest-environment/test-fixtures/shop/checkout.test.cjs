const { record } = require('./record.cjs');

describe('checkout', () => {
  test('pays with a card', () => {
    expect(allot.get('email')).toMatch(/@example\.test$/);
    record(allot);
  });

  describe('refunds', () => {
    beforeEach(() => {
      // Values are there before beforeEach runs.
      expect(allot.suite).toBe('checkout > refunds');
    });
    test('refunds an order', () => record(allot));
    test('refunds twice', () => record(allot));
  });
});
