import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ColumnTableBuilder,
  DocumentStore,
  encodeBlockFile,
  isBlockFile,
  type DocumentPersistence,
  type RowValues,
  type StoreDocument,
} from '@allot/core';
import { LowdbPersistence, STORE_FILE } from './lowdb-persistence.js';
import { openLowdbStore } from './open-lowdb-store.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const block = {
  block: 'b',
  columns: ['id'],
  keyColumn: 'id',
  rows: [['r1'], ['r2']],
  origin: 'import' as const,
};

describe('lowdb store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-lowdb-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('persists across reopening, with block rows in their own files', async () => {
    const store = await openLowdbStore(dir);
    await store.addBlockVersion('w', block);
    await store.close();
    const reopened = await openLowdbStore(dir);
    expect((await reopened.getBlock('w', 'b'))?.rows).toEqual([['r1'], ['r2']]);
    await reopened.close();
    const document = JSON.parse(await readFile(join(dir, STORE_FILE), 'utf8')) as StoreDocument;
    expect(JSON.stringify(document)).not.toContain('r1');
  });

  it('writes a version given by column as the block file of its rows, read back whole after reopening', async () => {
    const columns = ['id', 'ref', 'amount', 'status'];
    const rows: RowValues[] = Array.from({ length: 10_000 }, (_, i) => [
      `id-${i}`,
      `ref-${i % 3000}`,
      i % 9 === 0 ? null : i / 4,
      i % 2 === 0 ? 'on' : 'off',
    ]);
    const builder = new ColumnTableBuilder(columns);
    for (let start = 0; start < rows.length; start += 1000)
      builder.addRows(rows.slice(start, start + 1000));
    const store = await openLowdbStore(dir);
    await store.addBlockVersion('w', {
      ...block,
      columns,
      table: builder.build(),
      rows: undefined,
    });
    await store.close();
    const written = await readFile(join(dir, 'blocks', 'w', 'b', '1.0.block'));
    expect(written.equals(encodeBlockFile(columns, rows))).toBe(true);
    const reopened = await openLowdbStore(dir);
    expect((await reopened.getBlock('w', 'b'))?.rows).toEqual(rows);
    await reopened.close();
  });

  it('keeps block rows by column in a block file, and reads and upgrades a version written as JSON', async () => {
    const store = await openLowdbStore(dir);
    await store.addBlockVersion('w', {
      ...block,
      columns: ['id', 'kind'],
      rows: [
        ['r1', 'a'],
        ['r2', 7],
      ],
    });
    await store.addBlockVersion('w', {
      ...block,
      block: 'old',
      columns: ['id', 'kind'],
      rows: [['o1', 'x']],
    });
    await store.close();
    const folder = join(dir, 'blocks', 'w');
    const written = await readFile(join(folder, 'b', '1.0.block'));
    expect(isBlockFile(written)).toBe(true);
    // A data directory from before block files: the version's rows as one JSON array.
    await rm(join(folder, 'old', '1.0.block'));
    await writeFile(join(folder, 'old', '1.0.json'), '[\n["o1","x"],\n["o2",null]\n]\n');

    const reopened = await openLowdbStore(dir);
    expect((await reopened.getBlock('w', 'b'))?.rows).toEqual([
      ['r1', 'a'],
      ['r2', 7],
    ]);
    expect((await reopened.getBlockTable?.('w', 'old', '1.0'))?.toRows()).toEqual([
      ['o1', 'x'],
      ['o2', null],
    ]);
    await reopened.close();
    expect(isBlockFile(await readFile(join(folder, 'old', '1.0.block')))).toBe(true);
    await expect(readFile(join(folder, 'old', '1.0.json'))).rejects.toThrow(/ENOENT/);
    const again = await openLowdbStore(dir);
    expect((await again.getBlock('w', 'old'))?.rows).toEqual([
      ['o1', 'x'],
      ['o2', null],
    ]);
    await again.close();
  });

  it('refuses a second opener of the same data directory while the first holds it', async () => {
    const store = await openLowdbStore(dir);
    await expect(openLowdbStore(dir)).rejects.toMatchObject({
      code: 'STORE_LOCKED',
      message: expect.stringContaining(String(process.pid)),
    });
    await store.close();
    const again = await openLowdbStore(dir);
    await again.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    await writeFile(join(dir, 'allot.lock'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    const store = await openLowdbStore(dir);
    await store.close();
  });

  it('names an unparseable store file and leaves it untouched', async () => {
    await writeFile(join(dir, STORE_FILE), '{"schemaVersion": 1, "work');
    await expect(openLowdbStore(dir)).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      message: expect.stringContaining(join(dir, STORE_FILE)),
    });
    expect(await readFile(join(dir, STORE_FILE), 'utf8')).toBe('{"schemaVersion": 1, "work');
    // The failed open released its lock: the next open reports the file again, not a lock.
    await writeFile(join(dir, STORE_FILE), '');
    await expect(openLowdbStore(dir)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  it('keeps job states across reopening, also in a document written before they existed', async () => {
    const store = await openLowdbStore(dir);
    await store.addBlockVersion('w', block);
    const state = {
      workspace: 'w',
      id: 1,
      phase: 'done' as const,
      server: 'local',
      createdUser: 'ci',
      keyId: 'k1',
      tests: 1,
      progress: null,
      answeredBy: 1,
      error: null,
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
    };
    await store.putJobState(state);
    await store.close();
    const reopened = await openLowdbStore(dir);
    expect(await reopened.getJobState('w', 1)).toEqual(state);
    expect(await reopened.getJobState('w', 2)).toBeUndefined();
    expect(await reopened.getJobState('other', 1)).toBeUndefined();
    await reopened.close();
  });

  it('leaves nothing behind when writing the document fails', async () => {
    const persistence = await LowdbPersistence.open(dir);
    const failing = new FailingSave(persistence);
    const store = await DocumentStore.open(failing);
    await store.addBlockVersion('w', block);
    failing.fail = true;
    const id = await store.reserveJobId('w');
    const test = {
      pool: 'p',
      suite: 's',
      test: 't',
      status: 'allocated' as const,
      reason: null,
      rows: [{ block: 'b', key: 'r1' }],
      readOnly: false,
      consume: false,
      fromJob: null,
      releasedAt: null,
    };
    const commit = {
      workspace: 'w',
      jobId: id,
      bundleKey: 'k',
      namespace: 'n',
      createdAt: T0.toISOString(),
      expiresAt: new Date(T0.getTime() + 60_000).toISOString(),
      tests: [test],
      results: [
        {
          pool: 'p',
          suite: 's',
          test: 't',
          jobId: id,
          columns: ['id'],
          rows: [{ id: 'r1' }],
          createdAt: T0.toISOString(),
        },
      ],
      madeRows: [{ ...block, rows: [['r3']], origin: 'make' as const }],
      supersedes: [],
    };
    await expect(store.commitJob(commit, T0)).rejects.toMatchObject({ code: 'STORE_FAILURE' });
    expect(await store.getJob('w', id)).toBeUndefined();
    expect(await store.getResult('w', test)).toBeUndefined();
    expect((await store.claimState('w', ['b'], T0)).leases.size).toBe(0);
    expect((await store.getBlock('w', 'b'))?.version).toBe('1.0');
    failing.fail = false;
    await store.close();
    const reopened = await openLowdbStore(dir);
    expect(await reopened.getJob('w', id)).toBeUndefined();
    expect((await reopened.getBlock('w', 'b'))?.version).toBe('1.0');
    await reopened.close();
  });
});

/** A disk that refuses the document write: the process boundary, not the store, is what fails. */
class FailingSave implements DocumentPersistence {
  readonly kind = 'lowdb';
  fail = false;
  constructor(private readonly inner: DocumentPersistence) {}
  load() {
    return this.inner.load();
  }
  save(document: StoreDocument) {
    return this.fail
      ? Promise.reject(new Error('ENOSPC: no space left on device'))
      : this.inner.save(document);
  }
  readRows(workspace: string, block: string, version: string) {
    return this.inner.readRows(workspace, block, version);
  }
  writeRows(workspace: string, block: string, version: string, rows: RowValues[]) {
    return this.inner.writeRows(workspace, block, version, rows);
  }
  close() {
    return this.inner.close();
  }
}
