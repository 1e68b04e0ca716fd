import { test, expect } from '@allot/playwright';

test.describe('account', () => {
  test('changes the password', async ({ testData }) => {
    // The pool entry returns only id and email.
    expect(testData.columns).toEqual(['id', 'email']);
    expect(() => testData.get('password')).toThrow(
      'pool "web", suite "account.spec.ts", test "account > changes the password" has no column "password"; its columns are id, email',
    );
    expect(() => testData.password).toThrow('its columns are id, email');
  });

  test('unlocks the account', async ({ testData }) => {
    expect(testData.status).toBe('locked');
  });

  test('merges two accounts', async ({ testData }) => {
    expect(testData.rows).toHaveLength(2);
    expect(testData.rows[0]?.id).not.toBe(testData.rows[1]?.id);
    expect(testData.get('email', 1)).toBe(testData.rows[1]?.email);
  });

  test('updates the address', async ({ testData }) => {
    expect({ ...testData }).toEqual(testData.values);
    expect(() => {
      (testData as Record<string, unknown>).email = 'someone@else.test';
    }).toThrow('testData is read-only');
  });

  test('deletes the acount', { tag: '@no-allocation' }, async ({ testData }) => {
    // Not in the pool file: the test fails, naming what it looked up.
    expect(testData.email).toBeDefined();
  });
});

test('closes the account', async ({ testData }) => {
  expect(testData.test).toBe('closes the account');
});
