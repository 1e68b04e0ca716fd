import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openPostgresStore } from './open-postgres-store.js';
import { SAMPLE_COLUMNS, SAMPLE_ROWS } from './testing/sample-rows.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('the cells migration');

const WS = 'w';
const NOW = new Date('2030-01-01T00:00:00Z');

/** A version and its own rows as migration 0002's store wrote them: each row one JSON value. */
async function insertJsonRows(
  client: pg.Client,
  version: { version: string; seq: number; parent: string | null; rowCount: number },
  rows: unknown[][],
  first: number,
): Promise<void> {
  await client.query(
    `INSERT INTO block_versions
       (workspace, block, version, seq, columns, key_column, row_count, origin, parent, lineage, created_at)
     VALUES ($1, 'samples', $2, $3, $4::json, 'id', $5, $6, $7, '1.0', $8)`,
    [
      WS,
      version.version,
      version.seq,
      JSON.stringify(SAMPLE_COLUMNS),
      version.rowCount,
      version.parent === null ? 'import' : 'make',
      version.parent,
      NOW,
    ],
  );
  await client.query(
    `INSERT INTO block_rows (workspace, block, version, lineage, ordinal, key, "values")
     SELECT $1, 'samples', $2, '1.0', $3::integer + (r.n - 1)::integer, r.v ->> 0, r.v
     FROM json_array_elements($4::json) WITH ORDINALITY AS r(v, n)`,
    [WS, version.version, first, JSON.stringify(rows)],
  );
}

describe('migration 0003: rows as cells', () => {
  const schema = `allot_cells_${randomBytes(5).toString('hex')}`;

  afterAll(() => dropSchemas(POSTGRES_URL, [schema]));

  it('converts rows stored as JSON so that they read back exactly', async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    const split = 12;
    try {
      expect(await migrate(client, schema, { upTo: 2 })).toEqual([1, 2]);
      await client.query(
        `INSERT INTO blocks (workspace, name, versions) VALUES ($1, 'samples', 2)`,
        [WS],
      );
      const imported = { version: '1.0', seq: 1, parent: null, rowCount: split };
      await insertJsonRows(client, imported, SAMPLE_ROWS.slice(0, split), 0);
      const made = { version: '1.1', seq: 2, parent: '1.0', rowCount: SAMPLE_ROWS.length };
      await insertJsonRows(client, made, SAMPLE_ROWS.slice(split), 0);

      expect(await migrate(client, schema)).toContain(3);
      const layout = await client.query<{
        strings: number;
        column: string | null;
        old: string | null;
      }>(
        `SELECT
           (SELECT count(*)::int FROM block_rows WHERE kinds IS NULL) AS strings,
           (SELECT column_name FROM information_schema.columns
             WHERE table_schema = $1 AND table_name = 'block_rows' AND column_name = 'values') AS column,
           to_regprocedure('find_number(json)')::text AS old`,
        [schema],
      );
      const allStrings = SAMPLE_ROWS.filter((row) => row.every((cell) => typeof cell === 'string'));
      expect(layout.rows[0]).toEqual({ strings: allStrings.length, column: null, old: null });
    } finally {
      await client.end();
    }

    const store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
    try {
      const [found] =
        (await store.gatherCandidates?.(WS, [
          {
            block: 'samples',
            version: '1.1',
            where: { a: { in: [0, 'plain', true, 'Straße'] } },
            columns: SAMPLE_COLUMNS,
            keyIndex: 0,
            readOnly: false,
            now: NOW,
          },
        ])) ?? [];
      expect(found).toEqual([0, 2, 9, 13].map((index) => SAMPLE_ROWS[index]));
      expect((await store.getBlock(WS, 'samples', '1.1'))?.rows).toEqual(SAMPLE_ROWS);
    } finally {
      await store.close();
    }
  });

  it('stops before changing anything when a stored row holds U+0000, naming the row', async () => {
    const nulSchema = `allot_cells_${randomBytes(5).toString('hex')}`;
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await migrate(client, nulSchema, { upTo: 2 });
      await client.query(
        `INSERT INTO blocks (workspace, name, versions) VALUES ($1, 'samples', 1)`,
        [WS],
      );
      await insertJsonRows(
        client,
        { version: '1.0', seq: 1, parent: null, rowCount: 2 },
        [SAMPLE_ROWS[0] as unknown[]],
        0,
      );
      // As the earlier store wrote a row of a block without a key column: JSON, never read as text.
      await client.query(
        `INSERT INTO block_rows (workspace, block, version, lineage, ordinal, key, "values")
         VALUES ($1, 'samples', '1.0', '1.0', 1, NULL, $2::json)`,
        [WS, JSON.stringify(['nul', 'a\u0000b'])],
      );
      await expect(migrate(client, nulSchema)).rejects.toThrow(
        'row 2 of data block "samples" version 1.0 (workspace "w") has a NUL character (U+0000)',
      );
      const left = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM block_rows WHERE "values" IS NOT NULL`,
      );
      expect(left.rows[0]?.n).toBe(2);
    } finally {
      await client.end();
      await dropSchemas(POSTGRES_URL, [nulSchema]);
    }
  });
});
