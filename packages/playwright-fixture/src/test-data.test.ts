import { AllocatedValues } from '@allot/client';
import { describe, expect, it } from 'vitest';
import { createTestData } from './test-data.js';

const ref = { pool: 'shop', suite: 'checkout.spec.ts', test: 'pays' };
const values = new AllocatedValues(
  ref,
  [
    { id: 'C-1', email: 'a@example.test', rows: 'a column named rows', vip: null },
    { id: 'C-2', email: 'b@example.test', rows: '', vip: true },
  ],
  'results file r.json',
);

describe('createTestData', () => {
  it('reads columns as properties, and names the test', () => {
    const data = createTestData(values);
    expect(data.email).toBe('a@example.test');
    expect(data.vip).toBeNull();
    expect([data.pool, data.suite, data.test, data.source]).toEqual([
      'shop',
      'checkout.spec.ts',
      'pays',
      'results file r.json',
    ]);
    expect(data.columns).toEqual(['id', 'email', 'rows', 'vip']);
  });

  it('gives every row, and a column of any row through get', () => {
    const data = createTestData<{ id: string; email: string }>(values);
    expect(data.rows.map((r) => r.id)).toEqual(['C-1', 'C-2']);
    expect(data.get('email', 1)).toBe('b@example.test');
    expect(data.text('id')).toBe('C-1');
  });

  it('keeps the API over a column of the same name, which get still reads', () => {
    const data = createTestData(values);
    expect(data.rows).toHaveLength(2);
    expect(data.get('rows')).toBe('a column named rows');
  });

  it('names the available columns when a column is missing', () => {
    const data = createTestData(values);
    const message =
      'pool "shop", suite "checkout.spec.ts", test "pays" has no column "phone"; its columns are id, email, rows, vip (from results file r.json)';
    expect(() => data.get('phone')).toThrow(message);
    expect(() => data.phone).toThrow(message);
  });

  it('behaves like the row for spreading, JSON, printing and awaiting', async () => {
    const row = { id: 'C-1', email: 'a@example.test', vip: null };
    const data = createTestData(new AllocatedValues(ref, [row], 'server http://allot'));
    expect({ ...data }).toEqual(row);
    expect(JSON.parse(JSON.stringify(data))).toEqual(row);
    expect(Object.keys(data)).toEqual(['id', 'email', 'vip']);
    expect('email' in data && 'get' in data).toBe(true);
    expect(await Promise.resolve(data)).toBe(data); // `then` is no column
  });

  it('is read-only', () => {
    const data = createTestData(values) as unknown as Record<string, unknown>;
    expect(() => (data.email = 'x')).toThrow('testData is read-only: cannot set email');
    expect(() => delete data.email).toThrow('testData is read-only: cannot delete email');
  });
});
