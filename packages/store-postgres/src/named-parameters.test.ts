import { describe, expect, it } from 'vitest';
import { namedStatement, toPositional } from './named-parameters.js';

describe('toPositional', () => {
  it('binds named parameters in order, reusing a position for a repeated name', () => {
    expect(
      toPositional('SELECT * FROM t WHERE a = :a AND b > :b OR a2 = :a', { a: 'x', b: 3 }),
    ).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b > $2 OR a2 = $1',
      values: ['x', 3],
    });
  });

  it('leaves casts, literals, quoted identifiers, dollar quotes and comments alone', () => {
    const sql = `SELECT ':no'::text, "odd:col", $$ :nope $$, x::int -- :comment\n/* :block */ FROM t WHERE y = :yes`;
    expect(toPositional(sql, { yes: 1 })).toEqual({
      text: `SELECT ':no'::text, "odd:col", $$ :nope $$, x::int -- :comment\n/* :block */ FROM t WHERE y = $1`,
      values: [1],
    });
  });

  it('skips a tagged dollar quote and a lone dash or slash, and numbers many names in order', () => {
    const sql = `SELECT $body$ :in $body$, 4 - :a / 2, ${Array.from({ length: 12 }, (_, i) => `:p${i}`).join(', ')}, :a`;
    const params = Object.fromEntries([
      ['a', 'a'],
      ...Array.from({ length: 12 }, (_, i) => [`p${i}`, i]),
    ]);
    expect(toPositional(sql, params)).toEqual({
      text: `SELECT $body$ :in $body$, 4 - $1 / 2, ${Array.from({ length: 12 }, (_, i) => `$${i + 2}`).join(', ')}, $1`,
      values: ['a', ...Array.from({ length: 12 }, (_, i) => i)],
    });
  });

  it('names a parameter that has no value', () => {
    expect(() => toPositional('SELECT :missing', { status: 'x' })).toThrow(
      'uses :missing but no value is given for it (params: status)',
    );
  });

  it('rewrites a text once and reuses the rewrite with other values', () => {
    const sql = 'SELECT * FROM t WHERE a = :a AND b = :b -- cached';
    expect(namedStatement(sql)).toBe(namedStatement(sql));
    expect(toPositional(sql, { b: 2, a: 1 }).values).toEqual([1, 2]);
    expect(toPositional(sql, { a: 'x', b: 'y' })).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b = $2 -- cached',
      values: ['x', 'y'],
    });
  });

  it('rewrites a text made for one call the same way when it is not kept', () => {
    const sql = 'SELECT :only -- made for one call';
    expect(toPositional(sql, { only: 1 }, { keep: false })).toEqual({
      text: 'SELECT $1 -- made for one call',
      values: [1],
    });
  });
});
