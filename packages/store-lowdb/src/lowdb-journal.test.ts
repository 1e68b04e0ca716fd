import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentStore, type PoolDefinition } from '@allot/core';
import { LowdbPersistence, STORE_FILE, type LowdbOptions } from './lowdb-persistence.js';

const pool = (name: string): PoolDefinition => ({
  name,
  key: 'id',
  blocks: [{ name: 'b' }],
  secrets: [],
  tests: [
    { suite: 's', test: 't', find: { where: {} }, count: 1, consume: false, readOnly: false },
  ],
});

describe('lowdb store journal', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-journal-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const open = async (options: LowdbOptions = {}) =>
    DocumentStore.open(await LowdbPersistence.open(dir, options));
  const journals = async () => (await readdir(dir)).filter((f) => f.includes('journal')).sort();

  it('appends each save to the journal and leaves the snapshot alone', async () => {
    const store = await open();
    await store.putPool('w', pool('first'));
    const snapshot = await readFile(join(dir, STORE_FILE), 'utf8');
    await store.putPool('w', pool('second'));
    await store.deletePool('w', 'first');
    expect(await readFile(join(dir, STORE_FILE), 'utf8')).toBe(snapshot);
    const [journal] = await journals();
    const lines = (await readFile(join(dir, journal!), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toEqual([['del', ['workspaces', 'w', 'pools', 'first']]]);
    await store.close();

    const reopened = await open();
    expect((await reopened.listPools('w')).map((p) => p.name)).toEqual(['second']);
    await reopened.close();
  });

  it('drops a torn last line left by a crash during an append', async () => {
    const store = await open();
    await store.putPool('w', pool('kept'));
    await store.putPool('w', pool('also kept'));
    await store.close();
    const [journal] = await journals();
    const whole = await readFile(join(dir, journal!), 'utf8');
    await appendFile(join(dir, journal!), '[["set",["workspaces","w","pools","torn"],{"na');

    const reopened = await open();
    expect((await reopened.listPools('w')).map((p) => p.name).sort()).toEqual([
      'also kept',
      'kept',
    ]);
    expect(await readFile(join(dir, journal!), 'utf8')).toBe(whole);
    await reopened.putPool('w', pool('after'));
    await reopened.close();
    const again = await open();
    expect((await again.listPools('w')).map((p) => p.name)).toContain('after');
    await again.close();
  });

  it('names a journal damaged before its last line and leaves it untouched', async () => {
    const store = await open();
    await store.putPool('w', pool('one')); // the snapshot
    await store.putPool('w', pool('two')); // journal line 1, damaged below
    await store.putPool('w', pool('three')); // journal line 2, whole
    await store.close();
    const [journal] = await journals();
    const path = join(dir, journal!);
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines).toHaveLength(3); // two lines and the empty string after the last newline
    lines[0] = lines[0]!.slice(0, 10);
    await writeFile(path, lines.join('\n'));
    await expect(open()).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      message: expect.stringContaining(`line 1 of the store journal ${path}`),
    });
    expect(await readFile(path, 'utf8')).toBe(lines.join('\n'));
  });

  it('folds the journal into a new snapshot once it grows, and deletes the old one', async () => {
    const store = await open({ compactBytes: 1 });
    await store.putPool('w', pool('a')); // the first save of a fresh store is a snapshot
    await store.putPool('w', pool('b')); // appended
    const first = await journals();
    expect(first).toHaveLength(1);
    await store.putPool('w', pool('c')); // the journal is past 1 byte: a new snapshot
    await store.putPool('w', pool('d')); // appended to the new snapshot's journal
    const later = await journals();
    expect(later).toHaveLength(1);
    expect(later).not.toEqual(first);
    await store.close();
    const snapshot = JSON.parse(await readFile(join(dir, STORE_FILE), 'utf8')) as {
      journal: number;
    };
    expect(later[0]).toBe(`allot.journal.${snapshot.journal}.jsonl`);
    const reopened = await open();
    expect((await reopened.listPools('w')).map((p) => p.name).sort()).toEqual(['a', 'b', 'c', 'd']);
    await reopened.close();
  });

  it('compares the journal with the snapshot in bytes, not characters', async () => {
    // 1.7M three-byte characters: a 5.1 MB snapshot, past the 4 MiB minimum in bytes only.
    const wide = (name: string, payload: string): PoolDefinition => ({
      ...pool(name),
      blocks: [{ name: payload }],
    });
    const store = await open();
    await store.putPool('w', wide('euros', '\u20ac'.repeat(1_700_000))); // the snapshot
    const snapshot = await readFile(join(dir, STORE_FILE), 'utf8');
    expect(Buffer.byteLength(snapshot)).toBeGreaterThan(5_100_000);
    await store.putPool('w', wide('big', 'x'.repeat(4_600_000))); // a 4.6 MB journal line
    await store.putPool('w', pool('small')); // still smaller than the snapshot: appended
    expect(await readFile(join(dir, STORE_FILE), 'utf8')).toBe(snapshot);
    const [journal] = await journals();
    const lines = (await readFile(join(dir, journal!), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    await store.putPool('w', wide('more', 'x'.repeat(1_000_000))); // the journal passes the snapshot
    await store.putPool('w', pool('last')); // so this save writes a new snapshot
    expect(await readFile(join(dir, STORE_FILE), 'utf8')).not.toBe(snapshot);
    expect(await journals()).not.toEqual([journal]);
    await store.close();
    const reopened = await open();
    expect((await reopened.listPools('w')).map((p) => p.name).sort()).toEqual([
      'big',
      'euros',
      'last',
      'more',
      'small',
    ]);
    await reopened.close();
  });

  it('ignores and removes the journal of an older snapshot', async () => {
    const store = await open();
    await store.putPool('w', pool('a'));
    await store.close();
    const stale = join(dir, 'allot.journal.0.jsonl');
    await writeFile(stale, `${JSON.stringify([['del', ['workspaces', 'w', 'pools', 'a']]])}\n`);
    const reopened = await open();
    expect((await reopened.listPools('w')).map((p) => p.name)).toEqual(['a']);
    expect(await journals()).not.toContain('allot.journal.0.jsonl');
    await reopened.close();
  });

  it('writes a whole snapshot after an append failed, so no line follows a torn one', async () => {
    const store = await open();
    await store.putPool('w', pool('a'));
    await store.close();
    const reopened = await open();
    const { journal: generation } = JSON.parse(await readFile(join(dir, STORE_FILE), 'utf8')) as {
      journal: number;
    };
    const journal = join(dir, `allot.journal.${generation}.jsonl`);
    // The journal cannot be opened for appending: a directory stands in its place.
    await mkdir(journal);
    await expect(reopened.putPool('w', pool('lost'))).rejects.toMatchObject({
      code: 'STORE_FAILURE',
    });
    await rm(journal, { recursive: true });
    await reopened.putPool('w', pool('b'));
    await reopened.close();
    const again = await open();
    expect((await again.listPools('w')).map((p) => p.name).sort()).toEqual(['a', 'b']);
    await again.close();
  });
  it('names a journal line that parses but is not a change', async () => {
    const store = await open();
    await store.putPool('w', pool('one'));
    await store.putPool('w', pool('two'));
    await store.close();
    const [journal] = await journals();
    const path = join(dir, journal!);
    await appendFile(path, '{"not":"a change"}\n');
    await expect(open()).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      message: expect.stringContaining(`line 2 of the store journal ${path} is not a change`),
    });
  });

  it('rewrites a version 1 document in the current version before journaling anything', async () => {
    const file = join(dir, STORE_FILE);
    const v1 = {
      schemaVersion: 1,
      nextJobId: 1,
      nextAuditId: 1,
      tenants: {},
      apiKeys: {},
      workspaces: {
        w: {
          pools: { old: pool('old') },
          blocks: {},
          jobs: {},
          results: {},
          consumed: {},
          users: {},
          audit: [],
        },
      },
    };
    await writeFile(file, JSON.stringify(v1));

    const reopened = await open();
    await reopened.putPool('w', pool('new'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 4 });
    expect(await journals()).toEqual([]);
    await reopened.close();
    const again = await open();
    expect((await again.listPools('w')).map((p) => p.name).sort()).toEqual(['new', 'old']);
    await again.close();
  });

  it('writes a whole snapshot again after a snapshot failed, never the old journal', async () => {
    const store = await open({ compactBytes: 1 });
    const kept = ['a'];
    await store.putPool('w', pool('a'));
    // Snapshots cannot be written: a directory stands in place of their temporary file.
    const temp = join(dir, `.${STORE_FILE}.${process.pid}.tmp`);
    await mkdir(temp);
    let failures = 0;
    for (let i = 0; i < 30 && failures === 0; i++) {
      // Appends go on until the journal outgrows the snapshot; then a snapshot is due and fails.
      await store.putPool('w', pool(`p${i}`)).then(
        () => kept.push(`p${i}`),
        (error: unknown) => {
          expect(error).toMatchObject({ code: 'STORE_FAILURE' });
          failures++;
        },
      );
    }
    expect(failures).toBe(1);
    await rm(temp, { recursive: true });
    await store.putPool('w', pool('b'));
    kept.push('b');
    await store.close();
    const reopened = await open();
    expect((await reopened.listPools('w')).map((p) => p.name).sort()).toEqual(kept.sort());
    await reopened.close();
  });
});
