import { describe, expect, it } from 'vitest';
import type { TestRef } from '../model/job-record.js';
import type { PoolDefinition } from '../model/pool-definition.js';
import { openMemoryStore } from '../store/open-memory-store.js';
import type { Store } from '../store/store.js';
import { executeJob } from './execute-job.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const WS = 'default';

/** `store`, with every call of `getResults` recorded: the references it was asked for. */
function watchResults(store: Store): { store: Store; reads: string[][] } {
  const reads: string[][] = [];
  const watched = new Proxy(store, {
    get(target, key) {
      if (key === 'getResults')
        return (workspace: string, refs: readonly TestRef[]) => {
          reads.push(refs.map((ref) => ref.test));
          return target.getResults(workspace, refs);
        };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { store: watched, reads };
}

describe('the report of a committed job', () => {
  it('gives the values it committed without reading them back, and reads those a live job held', async () => {
    const memory = await openMemoryStore();
    await memory.addBlockVersion(WS, {
      block: 'customers',
      columns: ['id', 'status'],
      keyColumn: 'id',
      rows: [
        ['c1', 'active'],
        ['c2', 'active'],
        ['c3', 'locked'],
      ],
      origin: 'import',
    });
    const find = { where: { status: 'active' } };
    const test = (name: string) => ({
      suite: 's',
      test: name,
      find,
      count: 1,
      consume: false,
      readOnly: false,
    });
    const pool: PoolDefinition = {
      name: 'shop',
      key: 'id',
      blocks: [{ name: 'customers' }],
      secrets: [],
      tests: [test('a'), test('b')],
    };
    await memory.putPool(WS, pool);
    const ref = (name: string) => ({ pool: 'shop', suite: 's', test: name });
    const first = await executeJob(memory, { tests: [ref('a')], clock: () => T0 });

    const { store, reads } = watchResults(memory);
    const second = await executeJob(store, { tests: [ref('a'), ref('b')], clock: () => T0 });

    expect(second.tests.map((t) => [t.test, t.status])).toEqual([
      ['a', 'cached'],
      ['b', 'allocated'],
    ]);
    const values = (report: typeof first, name: string) =>
      report.tests.find((t) => t.test === name)?.values;
    expect(values(second, 'a')).toEqual(values(first, 'a'));
    expect(values(second, 'b')).toEqual((await memory.getResult(WS, ref('b')))?.rows);
    expect(values(second, 'b')).toHaveLength(1);
    // The report reads back only the result of the test the first job holds.
    expect(reads.at(-1)).toEqual(['a']);
  });
});
