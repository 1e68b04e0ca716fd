import { describe, expect, it } from 'vitest';
import type { AllocationTest } from '../model/pool-definition.js';
import { openMemoryStore } from '../store/open-memory-store.js';
import { executeJob } from './execute-job.js';

const spec = (test: string, from: string | undefined, count = 1): AllocationTest => ({
  suite: 's',
  test,
  find: { ...(from === undefined ? {} : { from }), where: { kind: 'a' } },
  count,
  consume: false,
  readOnly: false,
});

describe('row identities in a job', () => {
  it('never hands one key to two tests reading two versions of its block', async () => {
    const store = await openMemoryStore();
    const rows = (version: string) => Array.from({ length: 4 }, (_, i) => [`k${i}`, 'a', version]);
    for (const version of ['one', 'two']) {
      await store.addBlockVersion('default', {
        block: 'b',
        columns: ['id', 'kind', 'version'],
        keyColumn: 'id',
        rows: rows(version),
        origin: 'import',
      });
    }
    const tests = [spec('old', 'b@1.0', 2), spec('new', undefined, 2), spec('third', 'b@1.0')];
    await store.putPool('default', {
      name: 'p',
      key: 'id',
      blocks: [{ name: 'b' }],
      secrets: [],
      tests,
    });
    const report = await executeJob(store, {
      tests: tests.map((t) => ({ pool: 'p', suite: 's', test: t.test })),
    });
    const keys = report.tests.flatMap((t) => t.values.map((v) => v['id']));
    // Four keys for five rows asked: two tests at most, whichever the matching picks.
    expect(report.allocated).toBe(2);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives the rows of a made version the ids of its parent, so a row goes to one test', async () => {
    const store = await openMemoryStore();
    await store.addBlockVersion('default', {
      block: 'b',
      columns: ['id', 'kind'],
      keyColumn: 'id',
      rows: [
        ['k0', 'a'],
        ['k1', 'a'],
        ['k2', 'b'],
      ],
      origin: 'import',
    });
    await store.addBlockVersion('default', {
      block: 'b',
      columns: ['id', 'kind'],
      keyColumn: 'id',
      rows: [['m0', 'a']],
      origin: 'make',
    });
    const tests = [spec('parent', 'b@1.0', 2), spec('child', 'b@1.1', 2)];
    await store.putPool('default', {
      name: 'p',
      key: 'id',
      blocks: [{ name: 'b' }],
      secrets: [],
      tests,
    });
    const report = await executeJob(store, {
      tests: tests.map((t) => ({ pool: 'p', suite: 's', test: t.test })),
    });
    const keys = report.tests.flatMap((t) => t.values.map((v) => v['id']));
    expect(report.allocated).toBe(1);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
