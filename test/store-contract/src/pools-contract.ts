import { describe, beforeEach, expect, it } from 'vitest';
import type { PoolDefinition, PoolStore } from '@allot/core';
import { WS } from './contract-fixtures.js';

/** The pools slice: pool definitions stored, listed and deleted. */
export function describePoolsContract(current: () => PoolStore): void {
  describe('pools', () => {
    let store: PoolStore;
    beforeEach(() => {
      store = current();
    });

    it('stores, lists and deletes pools', async () => {
      const pool: PoolDefinition = {
        name: 'shop',
        key: 'id',
        blocks: [{ name: 'customers' }],
        secrets: [],
        tests: [],
      };
      await store.putPool(WS, pool);
      expect(await store.getPool(WS, 'shop')).toEqual(pool);
      expect((await store.listPools(WS)).map((p) => p.name)).toEqual(['shop']);
      expect(await store.deletePool(WS, 'shop')).toBe(true);
      expect(await store.deletePool(WS, 'shop')).toBe(false);
      expect(await store.getPool(WS, 'shop')).toBeUndefined();
    });
  });
}
