import { describe, beforeEach, expect, it } from 'vitest';
import { ColumnTableBuilder, type BlockStore, type RowValues } from '@allot/core';
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

    it('keeps a version given by column cell for cell, and appends made rows to it', async () => {
      // Enough rows for each kind of column: distinct keys (kept as bytes), a reference that
      // repeats after looking distinct, a status, distinct numbers with nulls, non-ASCII text.
      const rows: RowValues[] = Array.from({ length: 9000 }, (_, i) => [
        `k${i}`,
        `acct-${i % 4500}`,
        ['open', 'closed', ''][i % 3] as string,
        i % 10 === 0 ? null : i * 0.5,
        i % 2 === 0 ? `ünï ${i}` : true,
      ]);
      const columns = ['id', 'account', 'status', 'amount', 'note'];
      const builder = new ColumnTableBuilder(columns);
      for (let start = 0; start < rows.length; start += 1000)
        builder.addRows(rows.slice(start, start + 1000));
      const table = builder.build();
      const meta = await store.addBlockVersion(WS, {
        block: 'ledger',
        columns,
        keyColumn: 'id',
        table,
        origin: 'import',
        sourceHash: 'h1',
      });
      expect(meta).toMatchObject({ version: '1.0', rowCount: 9000, columns, keyColumn: 'id' });
      expect((await store.getBlock(WS, 'ledger'))?.rows).toEqual(rows);
      // The engine's read by column, on the stores that have one.
      if (store.getBlockTable !== undefined)
        expect((await store.getBlockTable(WS, 'ledger', '1.0'))?.toRows()).toEqual(rows);
      const made: RowValues[] = [['k9000', 'acct-1', 'open', 1, 'new']];
      await store.addBlockVersion(WS, {
        block: 'ledger',
        columns,
        keyColumn: 'id',
        rows: made,
        origin: 'make',
      });
      expect((await store.getBlock(WS, 'ledger', '1.1'))?.rows).toEqual([...rows, ...made]);
    });
  });
}
