import { randomBytes } from 'node:crypto';
import type { RowValues, Store } from '@allot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from './open-postgres-store.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('rows by key');

const WS = 'w';
const COLUMNS = ['id', 'team', 'size'];
const person = (i: number): RowValues => [`p${i}`, i % 3 === 0 ? 'red' : 'blue', i];

/**
 * A chain whose import stored no keys and whose made versions did, so a
 * lookup takes the key index for some versions and compares cells for
 * others; a later import starts another lineage.
 */
const VERSIONS = {
  imported: { rows: [0, 1, 2, 3, 4, 5].map(person), origin: 'import', keyColumn: null },
  made: { rows: [6, 7, 8].map(person), origin: 'make', keyColumn: 'id' },
  madeAgain: { rows: [9, 10].map(person), origin: 'make', keyColumn: 'id' },
  importedAgain: { rows: [1, 3, 11].map(person), origin: 'import', keyColumn: 'id' },
} as const;
const TEAMS: RowValues[] = [
  [7, 'seven'],
  ['8', 'eight'],
  [true, 'yes'],
  [1.5, 'one and a half'],
];

describe('rows by key', () => {
  const schema = `allot_keys_${randomBytes(5).toString('hex')}`;
  /** Reads from the database: it never held the rows. */
  let fresh: Store;
  /** Holds every version's rows, so it answers from memory. */
  let holding: Store;
  /** The version numbers the store gave, by name; `teams` for the other block. */
  const versions = new Map<string, { block: string; version: string }>();

  beforeAll(async () => {
    const importer = await openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
    for (const [name, { rows, origin, keyColumn }] of Object.entries(VERSIONS)) {
      const meta = await importer.addBlockVersion(WS, {
        block: 'people',
        columns: COLUMNS,
        keyColumn,
        rows: [...rows],
        origin,
      });
      versions.set(name, meta);
    }
    const teams = await importer.addBlockVersion(WS, {
      block: 'teams',
      columns: ['id', 'name'],
      keyColumn: 'id',
      rows: TEAMS,
      origin: 'import',
    });
    versions.set('teams', teams);
    await importer.close();
    const open = () => openPostgresStore(POSTGRES_URL, { schema, poolSize: 1 });
    [fresh, holding] = await Promise.all([open(), open()]);
    for (const { block, version } of versions.values()) await holding.getBlock(WS, block, version);
  });

  afterAll(async () => {
    await fresh?.close();
    await holding?.close();
    await dropSchemas(POSTGRES_URL, [schema]);
  });

  /** Asks both stores, which must agree, about a version named in `versions`; returns the answer. */
  const rowsByKey = async (name: string, keyIndex: number, keys: string[]) => {
    const version = versions.get(name) ?? { block: 'people', version: '9.9' };
    const [read, held] = await Promise.all(
      [fresh, holding].map(async (store) => store.rowsByKey?.(WS, version, keyIndex, keys)),
    );
    expect(held, 'from the rows the store holds').toEqual(read);
    return read;
  };

  it('finds rows by key across the chain, in row order, keyed or not', async () => {
    expect(await rowsByKey('madeAgain', 0, ['p10', 'p3', 'p7', 'p99'])).toEqual([
      person(3),
      person(7),
      person(10),
    ]);
  });

  it('leaves out rows of later versions of the lineage and of other lineages', async () => {
    const keys = ['p10', 'p3', 'p7', 'p11'];
    expect(await rowsByKey('made', 0, keys)).toEqual([person(3), person(7)]);
    expect(await rowsByKey('imported', 0, keys)).toEqual([person(3)]);
    expect(await rowsByKey('importedAgain', 0, keys)).toEqual([person(3), person(11)]);
  });

  it('compares any other cell as a string', async () => {
    expect(await rowsByKey('madeAgain', 1, ['red'])).toEqual([0, 3, 6, 9].map(person));
    expect(await rowsByKey('madeAgain', 2, ['4', '8'])).toEqual([person(4), person(8)]);
  });

  it('finds typed key cells by their text', async () => {
    expect(await rowsByKey('teams', 0, ['7', '8', 'true', '1.5'])).toEqual(TEAMS);
  });

  it('finds nothing for no keys or an unknown version', async () => {
    expect(await rowsByKey('madeAgain', 0, [])).toEqual([]);
    expect(await rowsByKey('unknown', 0, ['p1'])).toEqual([]);
  });
});
