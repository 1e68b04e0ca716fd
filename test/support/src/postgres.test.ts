import { afterEach, describe, expect, it } from 'vitest';
import { testPostgresUrl } from './postgres.js';

const given = process.env['ALLOT_TEST_POSTGRES_URL'];
afterEach(() => {
  if (given === undefined) delete process.env['ALLOT_TEST_POSTGRES_URL'];
  else process.env['ALLOT_TEST_POSTGRES_URL'] = given;
});

describe('the test database URL', () => {
  it('is the one the run provides', () => {
    process.env['ALLOT_TEST_POSTGRES_URL'] = 'postgres://u:p@127.0.0.1:1/db';
    expect(testPostgresUrl('a suite')).toBe('postgres://u:p@127.0.0.1:1/db');
  });

  it('fails the suite, naming it, when none is provided, rather than skipping it', () => {
    delete process.env['ALLOT_TEST_POSTGRES_URL'];
    expect(() => testPostgresUrl('the contract')).toThrow(
      /^the contract needs PostgreSQL and ALLOT_TEST_POSTGRES_URL is unset/,
    );
  });
});
