import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFeatureTests, poolTag } from './list-feature-tests.js';

/** A feature file with a scenario and two outlines, one with two columns. */
const CHECKOUT = [
  '@pool:shop',
  'Feature: Checkout',
  '',
  '  Scenario: pays with a saved card',
  '    When I sign in as allot:email with password allot:password',
  '    Then I am signed in',
  '',
  '  Scenario Outline: pays in <currency>',
  '    When I sign in as allot:email with password allot:password',
  '    And I pay in <currency>',
  '',
  '    Examples:',
  '      | currency |',
  '      | EUR      |',
  '      | USD      |',
  '      | GBP      |',
  '',
  '  Scenario Outline: refunds an order',
  '    When I sign in as allot:email with password allot:password',
  '    Then I refund <amount> because it was <reason>',
  '',
  '    Examples:',
  '      | amount | reason |',
  '      | 10     | broken |',
  '      | 20     | late   |',
].join('\n');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-names-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('scenarioTestName through listFeatureTests', () => {
  it('names scenarios by their name and outline rows by their name and cells', async () => {
    const path = join(dir, 'checkout.feature');
    await writeFile(path, CHECKOUT);
    const tests = await listFeatureTests([path]);
    expect(tests.map((t) => [t.pool, t.suite, t.test])).toEqual([
      ['shop', 'Checkout', 'pays with a saved card'],
      ['shop', 'Checkout', 'pays in EUR [EUR]'],
      ['shop', 'Checkout', 'pays in USD [USD]'],
      ['shop', 'Checkout', 'pays in GBP [GBP]'],
      ['shop', 'Checkout', 'refunds an order [10, broken]'],
      ['shop', 'Checkout', 'refunds an order [20, late]'],
    ]);
    expect(tests[1]?.location).toMatch(/checkout\.feature:14$/);
  });

  it('numbers identical rows, reaches into Rules, and lets a scenario tag pick the pool', async () => {
    const path = join(dir, 'rules.feature');
    await writeFile(
      path,
      [
        '@pool:shop',
        'Feature: Rules',
        '  Rule: refunds',
        '    @pool:bank',
        '    Scenario Outline: refunds',
        '      Then I refund <n>',
        '      Examples: first',
        '        | n |',
        '        | 1 |',
        '        | 2 |',
        '      Examples: second',
        '        | n |',
        '        | 1 |',
      ].join('\n'),
    );
    const tests = await listFeatureTests([path]);
    expect(tests.map((t) => `${t.pool}: ${t.test}`)).toEqual([
      'bank: refunds [1] #1',
      'bank: refunds [2]',
      'bank: refunds [1] #3',
    ]);
  });

  it('reads the last @pool tag', () => {
    expect(poolTag(['@smoke', '@pool:shop', '@pool:bank'])).toBe('bank');
    expect(poolTag(['@pool:'])).toBeUndefined();
  });
});
