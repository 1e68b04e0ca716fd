import { openMemoryStore } from '@allot/core';
import { describe, expect, it } from 'vitest';
import { bindUpload } from './bind-upload.js';
import { STAGED_UPLOAD_SECONDS, stageUpload } from './staged-upload.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const CSV = 'member_id,first_name\nM1,"Lee, Ann"\n';

describe('two-step uploads', () => {
  it('binds once: 1.0, then 1.1 for the same block; a second bind of one id is NOT_FOUND', async () => {
    const store = await openMemoryStore();
    const first = await stageUpload(store, 'w', CSV, 'user:ann', T0);
    const bind = (id: string, extra: object = {}) =>
      bindUpload(store, {
        workspace: 'w',
        id,
        fileName: 'm.csv',
        block: 'members',
        now: T0,
        ...extra,
      });
    expect((await bind(first)).version).toBe('1.0');
    await expect(bind(first)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const second = await stageUpload(store, 'w', CSV, 'user:ann', T0);
    await expect(bind(second, { version: '3.0' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'version' },
    });
    const refreshed = await bind(second, { version: '1.0' });
    expect(refreshed).toMatchObject({ version: '1.1', rowCount: 1 });
    expect((await store.getBlock('w', 'members'))!.rows).toEqual([['M1', 'Lee, Ann']]);
  });

  it('an upload never bound expires, and is dropped by the next upload', async () => {
    const store = await openMemoryStore();
    const stale = await stageUpload(store, 'w', CSV, 'user:ann', T0);
    const after = later(STAGED_UPLOAD_SECONDS + 1);
    await expect(
      bindUpload(store, { workspace: 'w', id: stale, fileName: 'm.csv', block: 'b', now: after }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await stageUpload(store, 'w', CSV, 'user:ann', after);
    const staged = await store.listCatalogue({
      workspace: 'w',
      kind: 'staged-upload',
      page: { offset: 0, limit: 10 },
    });
    expect(staged.map((r) => r.name)).not.toContain(stale);
    expect(staged).toHaveLength(1);
  });

  it('refuses upper case and spaced headers and a file without data rows, naming the rule', async () => {
    const store = await openMemoryStore();
    await expect(stageUpload(store, 'w', 'Member Id\nM1\n', 'a', T0)).rejects.toMatchObject({
      code: 'INVALID_DATA',
      details: { field: 'columns[0]' },
    });
    await expect(stageUpload(store, 'w', 'member_id\n', 'a', T0)).rejects.toThrow(/no data row/);
  });
});
