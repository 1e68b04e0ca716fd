import { describe, expect, it } from 'vitest';
import { quoteIdent, readMigrations } from './migrate.js';
import { loadQueueSql, QUEUE_OPERATIONS } from './queue/queue-sql.js';
import { loadSqlTexts, SQL_OPERATIONS, withFragments } from './sql-files.js';

describe('SQL files and migrations', () => {
  it('has a file for every operation', async () => {
    const texts = await loadSqlTexts();
    for (const name of SQL_OPERATIONS) expect(texts[name], name).toMatch(/\S/);
  });

  it('names the parameters of every operation, the queue ones too, and never numbers them', async () => {
    const texts: Array<[string, string]> = [
      ...Object.entries(await loadSqlTexts()),
      ...Object.entries(await loadQueueSql()).map(([name, text]): [string, string] => [
        `queue/${name}`,
        text,
      ]),
    ];
    expect(texts.length).toBe(SQL_OPERATIONS.length + QUEUE_OPERATIONS.length);
    for (const [name, text] of texts) {
      const code = text.replace(/--[^\n]*/g, '');
      expect(code.match(/\$\d+/g), `${name} numbers its parameters`).toBeNull();
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
