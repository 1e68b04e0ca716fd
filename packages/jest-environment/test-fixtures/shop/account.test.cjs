const { record } = require('./record.cjs');

describe('account', () => {
  test('changes the password', () => {
    expect(Object.keys(allot.values)).toEqual(['id', 'email']);
    expect(() => allot.get('password')).toThrow('its columns are id, email');
    record(allot);
  });

  test('unlocks the account', () => record(allot));

  test('is missing from the pool file', () => {
    record(allot);
  });
});
