import { describe, beforeEach, expect, it } from 'vitest';
import type { BlockStore } from '@allot/core';
import { customers, WS } from './contract-fixtures.js';

/** The blocks slice: versions of a data block, immutable once added. */
export function describeBlocksContract(current: () => BlockStore): void {
  describe('blocks', () => {
    let store: BlockStore;
    beforeEach(() => {
      store = current();
    });

    it('versions data blocks immutably: 1.0, 1.1, … and pinned reads', async () => {
      const first = await store.addBlockVersion(WS, customers);
      const second = await store.addBlockVersion(WS, {
        ...customers,
        rows: customers.rows.slice(0, 2),
      });
      expect([first.version, second.version]).toEqual(['1.0', '1.1']);
      expect((await store.getBlock(WS, 'customers'))?.rows).toHaveLength(2);
      expect((await store.getBlock(WS, 'customers', '1.0'))?.rows).toEqual(customers.rows);
      expect(await store.getBlock(WS, 'customers', '9.9')).toBeUndefined();
      expect((await store.listBlockVersions(WS, 'customers')).map((v) => v.version)).toEqual([
        '1.0',
        '1.1',
      ]);
      expect((await store.listBlocks(WS)).map((b) => `${b.block}@${b.version}`)).toEqual([
        'customers@1.1',
      ]);
    });
  });
}
