import { randomBytes } from 'node:crypto';
import { parseODataQuery, runODataQuery, type RowValues, type Value } from '@allot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from './open-postgres-store.js';
import type { PostgresStore } from './postgres-store.js';
import { dropSchemas, testPostgresUrl } from './testing/test-database.js';

const POSTGRES_URL = testPostgresUrl('OData queries of block rows');
const WS = 'default';
const COLUMNS = ['id', 'name', 'city', 'age', 'flag', 'note'];
const NAMES = ['Ann', 'ann', 'Bob', 'Zoë', "O'Neil", 'émile', '', '10', '9', 'a b'];
const CITIES = ['Berlin', 'Paris', 'Rome', '', null, 'Bern'];
const AGES: Value[] = [31, '9', '100', 'unknown', null, -2.5, '1e2', '', 0, '42'];

/** A seeded generator: the same rows and queries on every run, so a failure replays. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}
const next = random(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

function rowOf(i: number): RowValues {
  return [
    `r${i}`,
    pick(NAMES),
    pick(CITIES),
    pick(AGES),
    pick([true, false, 'true', null]),
    pick(['x', 'xy', '', null, 'Note!']),
  ];
}

function literal(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}

function condition(): string {
  const column = pick(['name', 'city', 'age', 'flag', 'note']);
  switch (pick(['eq', 'ne', 'cmp', 'fn', 'in'])) {
    case 'eq':
      return `${column} eq ${literal(pick([...NAMES, ...AGES, true, null] as Value[]))}`;
    case 'ne':
      return `${column} ne ${literal(pick([...CITIES, 9, false] as Value[]))}`;
    case 'cmp':
      return `age ${pick(['gt', 'ge', 'lt', 'le'])} ${pick(['9', '31', '-3', '100.5', '0'])}`;
    case 'fn':
      return `${pick(['contains', 'startswith', 'endswith'])}(${column},${literal(pick(['a', 'B', 'e', '1', '', '!', 'ë']))})`;
    default:
      return `${column} in (${[pick(NAMES), pick(CITIES), pick(AGES)].map((v) => literal(v ?? null)).join(',')})`;
  }
}

function filter(depth: number): string {
  if (depth === 0 || next() < 0.3) return condition();
  const left = filter(depth - 1);
  const right = filter(depth - 1);
  switch (pick(['and', 'or', 'not', 'paren'])) {
    case 'and':
      return `${left} and ${right}`;
    case 'or':
      return `${left} or ${right}`;
    case 'not':
      return `not ${left}`;
    default:
      return `(${left} or ${right}) and not (${right})`;
  }
}

/**
 * The same OData queries on one block version, run as SQL by the store and
 * in memory by core's runODataQuery, must give the same rows in the same
 * order and the same count: filters of every operator, orders over mixed
 * numbers, text, booleans and empty cells, pages over a version whose rows
 * span two stored versions.
 */
describe('OData queries of block rows: SQL and memory agree', () => {
  const schema = `allot_odata_${randomBytes(5).toString('hex')}`;
  let store: PostgresStore;
  const first = Array.from({ length: 400 }, (_, i) => rowOf(i));
  const second = Array.from({ length: 150 }, (_, i) => rowOf(400 + i));
  const all = [...first, ...second];

  beforeAll(async () => {
    store = (await openPostgresStore(POSTGRES_URL, { schema, poolSize: 2 })) as PostgresStore;
    await store.addBlockVersion(WS, {
      block: 'people',
      columns: COLUMNS,
      keyColumn: 'id',
      rows: first,
      origin: 'import',
    });
    await store.addBlockVersion(WS, {
      block: 'people',
      columns: COLUMNS,
      keyColumn: 'id',
      rows: second,
      origin: 'make',
      jobId: 1,
    });
  });
  afterAll(async () => {
    await store.close();
    await dropSchemas(POSTGRES_URL, [schema]);
  });

  it('answers 150 random queries as the memory engine does', async () => {
    const meta = (await store.listBlockVersions(WS, 'people')).at(-1);
    const version = meta?.version as string;
    const rows = (await store.getBlock(WS, 'people', version))?.rows ?? [];
    expect(rows).toHaveLength(meta?.rowCount ?? -1);
    let nonEmpty = 0;
    for (let i = 0; i < 150; i++) {
      const params = {
        $filter: filter(3),
        $orderby: pick([
          '',
          'age',
          'age desc',
          'name,age desc',
          'city desc,name',
          'flag,note desc',
        ]),
        $skip: String(pick([0, 0, 3, 20])),
        $top: String(pick([5, 50, 1000])),
      };
      const query = parseODataQuery(params, COLUMNS);
      const expected = runODataQuery(rows, COLUMNS, (row) => row, query);
      const actual = await store.queryBlockRows(WS, {
        block: 'people',
        version,
        columns: COLUMNS,
        query,
      });
      expect(actual, JSON.stringify(params)).toEqual({
        rows: expected.items,
        count: expected.count,
      });
      if (expected.items.length > 0) nonEmpty++;
    }
    // The generator must give queries that select something, or the comparison proves little.
    expect(nonEmpty).toBeGreaterThan(50);
    expect(all.length).toBe(550);
  });
});
