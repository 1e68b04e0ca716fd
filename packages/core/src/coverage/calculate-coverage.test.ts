import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RowObject } from '../model/block-version.js';
import { calculateCoverage } from './calculate-coverage.js';
import { CoverageInputError } from './coverage-input-error.js';
import type { CoverageInput } from './coverage-model.js';
import { countTuples } from './count-tuples.js';
import type { DeterminingAttribute } from './determining-attribute.js';

const uniform = (count: number, levels: number): DeterminingAttribute[] =>
  Array.from({ length: count }, (_, a) => ({
    name: `a${a}`,
    type: 'VALUE',
    dataType: 'STRING',
    values: Array.from({ length: levels }, (_, v) => `v${v}`),
  }));

describe('calculateCoverage', () => {
  it('covers every pair of 3^13 in at most 15 rows, every pair checked by the tuple counter', () => {
    const input = { attributes: uniform(13, 3) };
    const { combinations, report } = calculateCoverage(input, { seed: 1 });
    expect(report.rows).toBeLessThanOrEqual(15);
    const count = countTuples(input, combinations, 2);
    expect(count).toMatchObject({ required: 13 * 6 * 9, covered: 13 * 6 * 9, violations: [] });
    expect(report).toMatchObject({ tuplesRequired: count.required, tuplesCovered: count.covered });
  });

  it('stops at a target row count, and within a time budget, still covering every pair', () => {
    const input = { attributes: uniform(12, 6) };
    const targeted = calculateCoverage(input, { seed: 1, target: 60 });
    const full = calculateCoverage(input, { seed: 1 });
    expect(targeted.report.rows).toBeLessThanOrEqual(60);
    expect(full.report.rows).toBeLessThan(targeted.report.rows);
    const started = Date.now();
    const budgeted = calculateCoverage(input, { seed: 1, effort: 50_000_000, budgetMs: 200 });
    expect(Date.now() - started).toBeLessThan(5000);
    for (const { combinations, report } of [targeted, budgeted]) {
      expect(countTuples(input, combinations, 2)).toMatchObject({
        covered: report.tuplesRequired,
        violations: [],
      });
    }
  });

  it('gives the same rows for the same seed, and other rows for another seed', () => {
    const input = { attributes: uniform(8, 3) };
    const first = calculateCoverage(input, { seed: 'abc', strength: 3 });
    expect(calculateCoverage(input, { seed: 'abc', strength: 3 })).toEqual(first);
    expect(calculateCoverage(input, { seed: 'xyz', strength: 3 }).combinations).not.toEqual(
      first.combinations,
    );
    expect(countTuples(input, first.combinations, 3)).toMatchObject({
      required: first.report.tuplesRequired,
      covered: first.report.tuplesRequired,
    });
  });

  it('lists every combination minus those matching ALL conditions of a rule', () => {
    const attributes = uniform(3, 2);
    // Removes a0=v0 ∧ a1=v1 (whatever a2): 2 of the 8 combinations.
    const rules = [{ conditions: { a0: { values: ['v0'] }, a1: { values: ['v1'] } } }];
    const { combinations, report } = calculateCoverage({ attributes, rules }, { strength: 'all' });
    expect(report).toMatchObject({ rows: 6, tuplesExcluded: 2 });
    expect(combinations).not.toContainEqual(expect.objectContaining({ a0: 'v0', a1: 'v1' }));
    expect(combinations).toContainEqual(expect.objectContaining({ a0: 'v0', a1: 'v0' }));
    expect(combinations).toContainEqual(expect.objectContaining({ a0: 'v1', a1: 'v1' }));
  });

  it('combines a grouped value only with what occurs with it in the source rows', () => {
    const source = { name: 'customers', version: '1.0' };
    const attributes: DeterminingAttribute[] = [
      {
        name: 'customer_type',
        type: 'VALUE',
        dataType: 'STRING',
        values: ['Retail', 'Corporate'],
        source: { ...source, attribute: 'customer_type' },
      },
      {
        name: 'has_app',
        type: 'VALUE',
        dataType: 'STRING',
        values: ['0', '1'],
        source: { ...source, attribute: 'has_app' },
        criteria: { '1': 'customer_type' },
      },
      { name: 'currency', type: 'VALUE', dataType: 'STRING', values: ['USD', 'GBP', 'EUR'] },
    ];
    const rows: RowObject[] = [
      { customer_type: 'Retail', has_app: 0 },
      { customer_type: 'Retail', has_app: 1 },
      { customer_type: 'Corporate', has_app: 0 },
    ];
    const input: CoverageInput = { attributes, sources: { 'customers@1.0': rows } };
    const { combinations, report } = calculateCoverage(input);
    expect(combinations).not.toContainEqual(
      expect.objectContaining({ customer_type: 'Corporate', has_app: '1' }),
    );
    expect(report.tuplesExcluded).toBe(1);
    expect(countTuples(input, combinations, 2)).toMatchObject({
      covered: report.tuplesRequired,
      violations: [],
    });
    expect(() => calculateCoverage({ attributes })).toThrow(/customers@1.0/);
  });

  it('lists rows holding higher-priority values first', () => {
    const attributes = uniform(4, 3);
    attributes[2]!.valuesPriority = { v2: 1, v0: 2 };
    const { combinations } = calculateCoverage({ attributes });
    const ranks = combinations.map((c) => ({ v2: 1, v0: 2, v1: 3 })[c['a2'] as string]!);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  });

  it.each([0, 7, 1.5, 'pairwise'])('refuses strength %j', (strength) => {
    expect(() =>
      calculateCoverage({ attributes: uniform(3, 2) }, { strength: strength as number }),
    ).toThrow(CoverageInputError);
  });

  it.each([{ target: 0 }, { target: 2.5 }, { budgetMs: -1 }])('refuses %j', (options) => {
    expect(() => calculateCoverage({ attributes: uniform(3, 3) }, options)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', path: Object.keys(options)[0] }),
    );
  });

  it('property: n-wise rows cover every required tuple and break no rule or group-by', () => {
    const model = fc
      .record({
        sizes: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 6 }),
        strength: fc.integer({ min: 1, max: 3 }),
        seed: fc.integer(),
        rules: fc.array(
          fc.array(fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 2 })), {
            minLength: 1,
            maxLength: 3,
          }),
          { maxLength: 4 },
        ),
        grouped: fc.boolean(),
        rows: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }),
      })
      .map(({ sizes, strength, seed, rules, grouped, rows }) => {
        const source = { name: 'b', version: '1.0' };
        const attributes: DeterminingAttribute[] = sizes.map((size, a) => ({
          name: `a${a}`,
          type: 'VALUE',
          dataType: 'STRING',
          values: Array.from({ length: size }, (_, v) => `v${v}`),
          source: { ...source, attribute: `a${a}` },
        }));
        if (grouped) attributes[0]!.criteria = { v0: 'a1' };
        const input: CoverageInput = {
          attributes,
          rules: rules.map((conditions) => ({
            conditions: Object.fromEntries(
              conditions.map(([a, values]) => {
                const attribute = attributes[a % attributes.length]!;
                return [
                  attribute.name,
                  { values: values.map((v) => attribute.values[v % attribute.values.length]!) },
                ];
              }),
            ),
          })),
          sources: {
            'b@1.0': rows.map(([x, y]) => ({ a0: `v${x % sizes[0]!}`, a1: `v${y % sizes[1]!}` })),
          },
        };
        return { input, strength, seed };
      });
    fc.assert(
      fc.property(model, ({ input, strength, seed }) => {
        const { combinations, report } = calculateCoverage(input, { strength, seed, effort: 500 });
        const count = countTuples(input, combinations, Math.min(strength, input.attributes.length));
        expect(count.violations).toEqual([]);
        expect(count.covered).toBe(count.required);
        expect(report.tuplesRequired).toBe(count.required);
        expect(report.tuplesCovered).toBe(count.required);
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });
});
