import { describe, expect, it } from 'vitest';
import { openMemoryStore } from '../store/open-memory-store.js';
import { importBlock } from './import-block.js';

const csv = 'id,status\nc1,active\nc2,locked\n';

describe('importBlock', () => {
  it('imports a new version, and skips an unchanged file even after makes appended versions', async () => {
    const store = await openMemoryStore();
    const options = {
      workspace: 'w',
      block: 'customers',
      text: csv,
      source: 'customers.csv',
      keyColumn: 'id',
      skipUnchanged: true,
    };
    const first = await importBlock(store, options);
    expect(first).toMatchObject({
      imported: true,
      meta: { version: '1.0', rowCount: 2, keyColumn: 'id' },
    });
    await store.addBlockVersion('w', {
      block: 'customers',
      columns: ['id', 'status'],
      keyColumn: 'id',
      rows: [['m1', 'new']],
      origin: 'make',
    });
    const again = await importBlock(store, options);
    expect(again).toMatchObject({ imported: false, meta: { version: '1.1', rowCount: 3 } });
    const changed = await importBlock(store, { ...options, text: `${csv}c3,active\n` });
    expect(changed).toMatchObject({ imported: true, meta: { version: '1.2', rowCount: 3 } });
  });

  it('rejects bad input and writes nothing', async () => {
    const store = await openMemoryStore();
    const base = { workspace: 'w', block: 'customers', source: 'customers.csv' };
    await expect(importBlock(store, { ...base, text: 'id,id\n1,2\n' })).rejects.toMatchObject({
      code: 'INVALID_DATA',
    });
    await expect(importBlock(store, { ...base, text: 'id,status\nc1\n' })).rejects.toThrow(
      /line 2/,
    );
    await expect(
      importBlock(store, { ...base, text: 'id\nc1\nc1\n', keyColumn: 'id' }),
    ).rejects.toThrow(/c1/);
    await expect(importBlock(store, { ...base, block: '../etc', text: csv })).rejects.toMatchObject(
      { code: 'INVALID_INPUT' },
    );
    expect(await store.listBlockVersions('w', 'customers')).toEqual([]);
  });
});
