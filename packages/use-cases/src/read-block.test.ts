import { openMemoryStore } from '@allot/core';
import { describe, expect, it } from 'vitest';
import { importBlockVersion } from './import-block-version.js';
import { readBlock } from './read-block.js';

describe('reading a data block version', () => {
  it('answers the latest or the named version, and says which part is missing', async () => {
    const store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: new Date().toISOString() });
    const add = (text: string) =>
      importBlockVersion(store, { workspace: 'w', block: 'b', text, source: 'b.csv' });
    await add('id\n1\n');
    await add('id\n1\n2\n');

    expect((await readBlock(store, 'w', 'b')).rows).toHaveLength(2);
    expect((await readBlock(store, 'w', 'b', '1.0')).rows).toHaveLength(1);
    await expect(readBlock(store, 'w', 'b', '9.0')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'data block "b" has no version 9.0',
    });
    await expect(readBlock(store, 'w', 'nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'data block "nope" does not exist',
    });
  });
});
