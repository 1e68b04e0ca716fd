import { describe, expect, it } from 'vitest';
import { executeJob } from '../engine/execute-job.js';
import { openMemoryStore } from '../store/open-memory-store.js';
import { calculateCoverage } from './calculate-coverage.js';
import { combinationFinds, coverageTests } from './coverage-finds.js';
import type { DeterminingAttribute } from './determining-attribute.js';

const source = { name: 'accounts', version: '1.0' };
const attributes: DeterminingAttribute[] = [
  {
    name: 'acct_type',
    type: 'VALUE',
    dataType: 'STRING',
    values: ['Checking', 'Savings'],
    source: { ...source, attribute: 'account_type' },
  },
  {
    name: 'amount',
    type: 'RANGE',
    dataType: 'NUMBER',
    values: [
      { minValue: 0.01, maxValue: 250 },
      { minValue: 250.01, maxValue: 2500 },
    ],
    source: { ...source, attribute: 'balance' },
  },
  { name: 'channel', type: 'VALUE', dataType: 'STRING', values: ['web', 'app'] },
];

describe('combinationFinds', () => {
  it('turns values into equality and ranges into inclusive bounds on the source columns', () => {
    expect(
      combinationFinds(
        { acct_type: 'Savings', amount: { minValue: 0.01, maxValue: 250 }, channel: 'web' },
        attributes,
      ),
    ).toEqual([
      {
        from: 'accounts@1.0',
        where: { account_type: { eq: 'Savings' }, balance: { gte: 0.01, lte: 250 } },
      },
    ]);
  });
});

describe('coverageTests run by executeJob', () => {
  it('allocates existing rows to combinations and reports the one no row holds', async () => {
    const store = await openMemoryStore();
    await store.addBlockVersion('default', {
      block: 'accounts',
      columns: ['id', 'account_type', 'balance'],
      keyColumn: 'id',
      rows: [
        ['a1', 'Checking', '100'],
        ['a2', 'Checking', '1000.50'],
        ['a3', 'Savings', '250'],
        ['a4', 'Savings', '99999'],
      ],
      origin: 'import',
    });
    const { combinations } = calculateCoverage(
      { attributes: attributes.slice(0, 2) },
      { strength: 'all' },
    );
    const tests = coverageTests(combinations, attributes.slice(0, 2), {
      suite: 'accounts_coverage 1.0',
    });
    expect(tests.map((t) => t.test)).toEqual([
      '1: acct_type=Checking, amount=0.01..250',
      '2: acct_type=Checking, amount=250.01..2500',
      '3: acct_type=Savings, amount=0.01..250',
      '4: acct_type=Savings, amount=250.01..2500',
    ]);
    await store.putPool('default', {
      name: 'coverage',
      key: 'id',
      blocks: [{ name: 'accounts' }],
      secrets: [],
      tests,
    });
    const report = await executeJob(store, {
      tests: tests.map((t) => ({ pool: 'coverage', suite: t.suite, test: t.test })),
      clock: () => new Date('2030-01-01T00:00:00Z'),
    });
    const byTest = Object.fromEntries(report.tests.map((t) => [t.test, t]));
    expect(byTest['1: acct_type=Checking, amount=0.01..250']?.values).toEqual([
      { id: 'a1', account_type: 'Checking', balance: '100' },
    ]);
    expect(byTest['2: acct_type=Checking, amount=250.01..2500']?.values[0]?.['id']).toBe('a2');
    expect(byTest['3: acct_type=Savings, amount=0.01..250']?.values[0]?.['id']).toBe('a3');
    expect(byTest['4: acct_type=Savings, amount=250.01..2500']).toMatchObject({
      status: 'failed',
      values: [],
    });
    expect(byTest['4: acct_type=Savings, amount=250.01..2500']?.reason).toMatch(/0 rows/);
    expect(report).toMatchObject({ allocated: 3, failed: 1 });
  });

  it('makes a row for the combination no row holds when given a key column to make', async () => {
    const store = await openMemoryStore();
    await store.addBlockVersion('default', {
      block: 'accounts',
      columns: ['id', 'account_type', 'balance'],
      keyColumn: 'id',
      rows: [
        ['a1', 'Checking', '100'],
        ['a2', 'Checking', '1000.50'],
        ['a3', 'Savings', '250'],
      ],
      origin: 'import',
    });
    const { combinations } = calculateCoverage(
      { attributes: attributes.slice(0, 2) },
      { strength: 'all' },
    );
    const tests = coverageTests(combinations, attributes.slice(0, 2), {
      suite: 'accounts_coverage 1.0',
      makeKey: 'id',
    });
    await store.putPool('default', {
      name: 'coverage',
      key: 'id',
      blocks: [{ name: 'accounts' }],
      secrets: [],
      tests,
    });
    const report = await executeJob(store, {
      tests: tests.map((t) => ({ pool: 'coverage', suite: t.suite, test: t.test })),
      clock: () => new Date('2030-01-01T00:00:00Z'),
      namespace: 'n1',
    });
    expect(report).toMatchObject({ allocated: 3, made: 1, failed: 0 });
    const made = report.tests.find((t) => t.status === 'made');
    expect(made?.test).toBe('4: acct_type=Savings, amount=250.01..2500');
    expect(made?.values).toEqual([{ id: 'cov-n1-4-0', account_type: 'Savings', balance: 250.01 }]);
  });
});
