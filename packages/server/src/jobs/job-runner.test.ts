import { executeJob, openMemoryStore, type ExecuteOptions, type Store } from '@allot/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolutionServer } from '../resolution/resolution-servers.js';
import { JobRunner } from './job-runner.js';
import { trackedStatus } from './job-status.js';
import { toVendorJob } from './vendor-job.js';

/** The built-in engine, held at a gate until the test opens it. */
class GatedServer implements ResolutionServer {
  readonly name = 'gated';
  readonly description = 'the engine, behind a gate';
  readonly started: string[] = [];
  #open!: () => void;
  readonly #gate = new Promise<void>((resolve) => (this.#open = resolve));

  open(): void {
    this.#open();
  }

  async execute(store: Store, options: ExecuteOptions) {
    this.started.push(`${options.workspace}:${options.jobId}`);
    await this.#gate;
    return executeJob(store, options);
  }
}

describe('JobRunner', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
    for (const workspace of ['a', 'b']) {
      await store.addBlockVersion(workspace, {
        block: 'rows',
        columns: ['id'],
        keyColumn: 'id',
        rows: [['r1'], ['r2']],
        origin: 'import',
      });
      await store.putPool(workspace, {
        name: 'p',
        key: 'id',
        blocks: [{ name: 'rows' }],
        secrets: [],
        tests: ['one', 'two'].map((test) => ({
          suite: 's',
          test,
          find: { where: {} },
          count: 1,
          consume: false,
          readOnly: false,
        })),
      });
    }
  });
  afterEach(async () => {
    await store.close();
  });

  it('runs the jobs of one workspace one after another, other workspaces beside them', async () => {
    const runner = new JobRunner(store);
    const server = new GatedServer();
    const first = await runner.start({
      workspace: 'a',
      server,
      tests: [{ pool: 'p', suite: 's', test: 'one' }],
    });
    const second = await runner.start({
      workspace: 'a',
      server,
      tests: [{ pool: 'p', suite: 's', test: 'two' }],
    });
    const other = await runner.start({
      workspace: 'b',
      server,
      tests: [{ pool: 'p', suite: 's', test: 'one' }],
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.started).toEqual([`a:${first.id}`, `b:${other.id}`]);
    expect(toVendorJob(await trackedStatus(store, second))).toMatchObject({
      jobState: 'InQueue',
      progressMessage: 'queued behind earlier jobs of this workspace',
    });
    expect(toVendorJob(await trackedStatus(store, first)).jobState).toBe('InProgress');

    server.open();
    await runner.drain();
    expect(server.started).toEqual([`a:${first.id}`, `b:${other.id}`, `a:${second.id}`]);
    for (const job of [first, second, other]) {
      expect(toVendorJob(await trackedStatus(store, job)).jobState).toBe('Complete');
    }
    // Run in turn, the two jobs of workspace a took different rows without a conflict.
    const one = await store.getResult('a', { pool: 'p', suite: 's', test: 'one' });
    const two = await store.getResult('a', { pool: 'p', suite: 's', test: 'two' });
    expect(one?.rows[0]?.['id']).not.toBe(two?.rows[0]?.['id']);
  });
});
