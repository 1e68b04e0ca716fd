import { describe, expect, it } from 'vitest';
import type { PoolDefinition } from '../model/pool-definition.js';
import { openMemoryStore } from '../store/open-memory-store.js';
import type { Store } from '../store/store.js';
import { checkPoolColumns } from './check-pool-columns.js';

/** The store, refusing every read of a block's rows: checking columns must not need them. */
function withoutRowReads(store: Store): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'getBlock' || name === 'getBlockTable') {
        return () => Promise.reject(new Error(`${String(name)} read the rows`));
      }
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const pool: PoolDefinition = {
  name: 'shop',
  key: 'id',
  blocks: [{ name: 'customers' }],
  secrets: [],
  tests: [
    {
      suite: 's',
      test: 'known',
      find: { where: { status: 'active' } },
      count: 1,
      consume: false,
      readOnly: false,
    },
    {
      suite: 's',
      test: 'typo',
      find: { from: 'customers@1.0', where: { staus: 'active' } },
      count: 1,
      consume: false,
      readOnly: false,
    },
  ],
};

describe('checkPoolColumns', () => {
  it('checks columns from the versions metadata, without reading any row', async () => {
    const store = await openMemoryStore();
    for (const columns of [
      ['id', 'status'],
      ['id', 'status', 'tier'],
    ]) {
      await store.addBlockVersion('default', {
        block: 'customers',
        columns,
        keyColumn: 'id',
        rows: [['1', 'active', 'gold'].slice(0, columns.length)],
        origin: 'import',
      });
    }
    const issues = await checkPoolColumns(withoutRowReads(store), 'default', pool);
    expect(issues).toEqual([
      {
        path: 'tests[1].find.where.staus',
        message: expect.stringContaining('"staus"') as string,
      },
    ]);
    expect(issues[0]?.message).toContain('id, status');
    expect(issues[0]?.message).not.toContain('tier');
  });
});
