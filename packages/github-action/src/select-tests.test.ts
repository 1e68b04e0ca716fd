import { describe, expect, it } from 'vitest';
import { allTests, selectTests } from './select-tests.js';

const pools = [
  {
    name: 'shop',
    tests: [
      { suite: 'login', test: 'signs in' },
      { suite: 'cart', test: 'pays' },
    ],
  },
  { name: 'admin', tests: [{ suite: 'login', test: 'signs in' }] },
];
const request = (suite: string, test: string, pool?: string) => ({
  pool,
  suite,
  test,
  source: 'x',
});

describe('selectTests', () => {
  it('takes every test of every pool without a list', () => {
    expect(allTests(pools).bundle).toHaveLength(3);
  });

  it('finds a test in the pool it names, the default pool, or every pool defining it', () => {
    expect(selectTests([request('login', 'signs in', 'admin')], pools, undefined).bundle).toEqual([
      { pool: 'admin', suite: 'login', test: 'signs in' },
    ]);
    expect(selectTests([request('login', 'signs in')], pools, 'shop').bundle).toEqual([
      { pool: 'shop', suite: 'login', test: 'signs in' },
    ]);
    expect(selectTests([request('login', 'signs in')], pools, undefined).bundle).toHaveLength(2);
  });

  it('reports the rest as missing, once per request, and repeats nothing', () => {
    const { bundle, missing } = selectTests(
      [
        request('cart', 'pays'),
        request('cart', 'pays'),
        request('cart', 'pays', 'admin'),
        request('x', 'y'),
      ],
      pools,
      undefined,
    );
    expect(bundle).toEqual([{ pool: 'shop', suite: 'cart', test: 'pays' }]);
    expect(missing.map((m) => `${m.pool ?? '*'}/${m.suite}/${m.test}`)).toEqual([
      'admin/cart/pays',
      '*/x/y',
    ]);
  });
});
