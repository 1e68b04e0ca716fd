import { describe, expect, it } from 'vitest';
import { quoteIdent, readMigrations } from './migrate.js';
import { loadSqlTexts, SQL_OPERATIONS, withFragments } from './sql-files.js';

describe('SQL files and migrations', () => {
  it('has a file for every operation', async () => {
    const texts = await loadSqlTexts();
    for (const name of SQL_OPERATIONS) expect(texts[name], name).toMatch(/\S/);
  });

  it('names the parameters of an operation past three, and never mixes names with $n', async () => {
    const texts = await loadSqlTexts();
    for (const name of SQL_OPERATIONS) {
      const code = texts[name].replace(/--[^\n]*/g, '');
      const positional = new Set(code.match(/\$\d+/g));
      const named = /(?<![:\w]):[A-Za-z_]/.test(code);
      expect(positional.size > 0 && named, `${name} mixes both`).toBe(false);
      // Its base values come before the filter values its caller numbers from $7 on.
      if (name === 'gather-candidates') continue;
      expect(positional.size, `${name} has more than three $n`).toBeLessThanOrEqual(3);
    }
  });

  it('writes the shared fragments into the operations that name them, and refuses an unknown one', async () => {
    const texts = await loadSqlTexts();
    for (const name of SQL_OPERATIONS) expect(texts[name], name).not.toContain('{{');
    for (const name of ['release-test', 'release-superseded', 'find-taken-tests'] as const)
      expect(texts[name], name).toContain("t.status IN ('allocated', 'made')");
    expect(() => withFragments('x', 'SELECT {{nope}}', new Map())).toThrow(
      'sql/x.sql names an unknown fragment {{nope}}',
    );
  });

  it('numbers migrations 1, 2, … without gaps', async () => {
    const ids = (await readMigrations()).map((m) => m.id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });

  it('accepts only plain schema names', () => {
    expect(quoteIdent('allot_test_1')).toBe('"allot_test_1"');
    expect(() => quoteIdent('x"; DROP SCHEMA allot; --')).toThrow(/not a schema name/);
  });
});
