import { randomBytes } from 'node:crypto';
import { ColumnTableBuilder, type Store } from '@allot/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from './open-postgres-store.js';
import { SAMPLE_COLUMNS, SAMPLE_ROWS } from './testing/sample-rows.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('block rows round trip');

const WS = 'w';
const NOW = new Date('2030-01-01T00:00:00Z');

describe('block rows as cells and kinds', () => {
  const schema = `allot_rows_${randomBytes(5).toString('hex')}`;
  /** Opened for each test after the import, so every read goes to the database, not a cache. */
  let store: Store;
  let version = '';

  beforeAll(async () => {
    const importer = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
    const meta = await importer.addBlockVersion(WS, {
      block: 'samples',
      columns: SAMPLE_COLUMNS,
      keyColumn: 'id',
      rows: SAMPLE_ROWS,
      origin: 'import',
    });
    version = meta.version;
    await importer.close();
  });

  beforeEach(async () => {
    store = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
  });

  afterEach(() => store.close());

  afterAll(() => dropSchemas(POSTGRES_URL, [schema]));

  it('reads back every row exactly as written', async () => {
    expect((await store.getBlock(WS, 'samples', version))?.rows).toEqual(SAMPLE_ROWS);
  });

  it('gathers rows with their values exactly as written', async () => {
    const [found] =
      (await store.gatherCandidates?.(WS, [
        {
          block: 'samples',
          version,
          where: undefined,
          columns: SAMPLE_COLUMNS,
          keyIndex: 0,
          readOnly: false,
          now: NOW,
        },
      ])) ?? [];
    expect(found).toEqual(SAMPLE_ROWS);
  });

  it('finds rows by key with their values exactly as written', async () => {
    const keys = SAMPLE_ROWS.map((row) => String(row[0]));
    expect(await store.rowsByKey?.(WS, { block: 'samples', version }, 0, keys)).toEqual(
      SAMPLE_ROWS,
    );
  });

  it('refuses a cell with U+0000, naming its row and column, and writes nothing', async () => {
    const rows = [
      ['a', 'fine'],
      ['b', 'nul\u0000here'],
    ];
    const adding = store.addBlockVersion(WS, {
      block: 'nul',
      columns: ['id', 'note'],
      keyColumn: 'id',
      rows,
      origin: 'import',
    });
    await expect(adding).rejects.toMatchObject({
      code: 'INVALID_DATA',
      message: expect.stringContaining(
        'row 2 of data block "nul" has a NUL character (U+0000) in column "note"',
      ),
    });
    expect(await store.listBlockVersions(WS, 'nul')).toEqual([]);
  });

  it('writes a version given by column in chunks, read back exactly; a NUL past the first chunk writes nothing', async () => {
    const columns = ['id', 'note'];
    const rows = Array.from({ length: 45_000 }, (_, i) => [
      `r${i}`,
      i % 3 === 0 ? null : `ü${i % 50}`,
    ]);
    const tableOf = (cells: typeof rows) => {
      const builder = new ColumnTableBuilder(columns);
      builder.addRows(cells);
      return builder.build();
    };
    const base = { columns, keyColumn: 'id', origin: 'import' as const };
    await store.addBlockVersion(WS, { ...base, block: 'wide', table: tableOf(rows) });
    const reader = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
    try {
      expect((await reader.getBlock(WS, 'wide'))?.rows).toEqual(rows);
    } finally {
      await reader.close();
    }
    const bad = rows.map((row, i) => (i === 42_000 ? [row[0] as string, 'a\u0000b'] : row));
    await expect(
      store.addBlockVersion(WS, { ...base, block: 'bad', table: tableOf(bad) }),
    ).rejects.toMatchObject({
      code: 'INVALID_DATA',
      message: expect.stringContaining('row 42001 of data block "bad"'),
    });
    expect(await store.listBlockVersions(WS, 'bad')).toEqual([]);
  });
});
