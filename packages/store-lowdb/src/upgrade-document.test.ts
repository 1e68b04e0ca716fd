import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, JobRecord } from '@allot/core';
import { openLowdbStore } from './open-lowdb-store.js';
import { STORE_FILE } from './lowdb-persistence.js';

const AT = '2030-01-01T00:00:00.000Z';

function job(id: number, workspace: string): JobRecord {
  return {
    id,
    workspace,
    bundleKey: `bundle-${id}`,
    state: 'complete',
    namespace: 'ns',
    createdAt: AT,
    expiresAt: '2030-01-01T02:00:00.000Z',
    releasedAt: null,
    tests: [],
    allocated: 0,
    made: 0,
    cached: 0,
    failed: 0,
  };
}

function event(id: number, workspace: string): AuditEvent {
  return { id, workspace, at: AT, actor: 'k', action: 'job.execute', target: 'job:1', details: {} };
}

function workspace(jobs: JobRecord[], audit: AuditEvent[]) {
  return {
    pools: {},
    blocks: {},
    jobs: Object.fromEntries(jobs.map((j) => [String(j.id), j])),
    results: {},
    consumed: {},
    users: {},
    audit,
  };
}

/**
 * A data directory as allot wrote it before ids counted per workspace:
 * version 2, with a journal whose last change commits job 5 in `b`.
 */
async function writeVersion2(dir: string): Promise<void> {
  const snapshot = {
    schemaVersion: 2,
    journal: 1,
    nextJobId: 5,
    nextAuditId: 4,
    tenants: {},
    apiKeys: {},
    workspaces: {
      a: workspace([job(1, 'a'), job(3, 'a')], [event(1, 'a'), event(3, 'a')]),
      b: workspace([job(2, 'b')], [event(2, 'b')]),
      quiet: workspace([], []),
    },
  };
  await writeFile(join(dir, STORE_FILE), JSON.stringify(snapshot));
  const changes = [
    ['set', ['workspaces', 'b', 'jobs', '5'], job(5, 'b')],
    ['set', ['nextJobId'], 6],
  ];
  await writeFile(join(dir, 'allot.journal.1.jsonl'), `${JSON.stringify(changes)}\n`);
}

describe('upgrading an embedded store to ids per workspace', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-upgrade-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every id, counts on per workspace, and writes the new version before journaling', async () => {
    await writeVersion2(dir);
    const store = await openLowdbStore(dir);
    // Existing jobs keep their ids, each in its own workspace.
    expect((await store.getJob('a', 3))?.workspace).toBe('a');
    expect((await store.getJob('b', 5))?.workspace).toBe('b');
    expect(await store.getJob('b', 1)).toBeUndefined();
    // Workspaces with jobs go on after the highest id ever handed out (job 5, from the
    // journal), so no id a client may hold comes back; a workspace without starts at 1.
    expect(await store.reserveJobId('a')).toBe(6);
    expect(await store.reserveJobId('b')).toBe(6);
    expect(await store.reserveJobId('quiet')).toBe(1);
    expect(await store.reserveJobId('new')).toBe(1);
    expect((await store.appendAudit({ ...event(0, 'a') })).id).toBe(4);
    expect((await store.appendAudit({ ...event(0, 'quiet') })).id).toBe(1);
    expect((await store.listAudit('a', { limit: 10, offset: 0 })).map((e) => e.id)).toEqual([
      4, 3, 1,
    ]);
    await store.close();

    const saved = JSON.parse(await readFile(join(dir, STORE_FILE), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(saved).toMatchObject({ schemaVersion: 4 });
    expect(saved).not.toHaveProperty('nextJobId');
    expect(await readdir(dir)).not.toContain('allot.journal.1.jsonl');

    const reopened = await openLowdbStore(dir);
    expect((await reopened.appendAudit({ ...event(0, 'a') })).id).toBe(5);
    expect(await reopened.reserveJobId('b')).toBe(6);
    await reopened.close();
  });
});

describe('upgrading an embedded store to one with a catalogue', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-upgrade-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const name = { kind: 'coverage-set', workspace: 'a', project: null, name: 'checkout' };
  const put = (body: unknown) => ({ ...name, body, actor: 'ann' });

  it('gives every workspace of a version 3 document an empty catalogue that keeps what is put', async () => {
    const snapshot = {
      schemaVersion: 3,
      journal: 1,
      tenants: {},
      apiKeys: {},
      workspaces: { a: { ...workspace([job(1, 'a')], []), lastIds: { job: 1, audit: 0 } } },
    };
    await writeFile(join(dir, STORE_FILE), JSON.stringify(snapshot));
    const changes = [
      ['set', ['workspaces', 'a', 'jobs', '2'], job(2, 'a')],
      ['set', ['workspaces', 'a', 'lastIds'], { job: 2, audit: 0 }],
    ];
    await writeFile(join(dir, 'allot.journal.1.jsonl'), `${JSON.stringify(changes)}\n`);

    const store = await openLowdbStore(dir);
    expect((await store.getJob('a', 2))?.id).toBe(2);
    expect(await store.getCatalogueByName(name)).toBeUndefined();
    const first = await store.putCatalogue(put({ n: 1 }), new Date(AT));
    await store.close();

    const saved = JSON.parse(await readFile(join(dir, STORE_FILE), 'utf8')) as {
      schemaVersion: number;
      workspaces: Record<string, { catalogue: Record<string, unknown> }>;
    };
    expect(saved.schemaVersion).toBe(4);
    expect(Object.keys(saved.workspaces['a']?.catalogue ?? {})).toHaveLength(1);

    // A later put goes to the journal as a change of the catalogue, and survives a reopen.
    const reopened = await openLowdbStore(dir);
    expect(await reopened.getCatalogueById('a', first.id)).toEqual(first);
    await reopened.putCatalogue(put({ n: 2 }), new Date(AT));
    await reopened.close();
    const again = await openLowdbStore(dir);
    expect((await again.getCatalogueByName(name))?.body).toEqual({ n: 2 });
    expect(await again.reserveJobId('a')).toBe(3);
    await again.close();
  });
});
