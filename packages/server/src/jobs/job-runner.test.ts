import { executeJob, openMemoryStore, type ExecuteOptions, type Store } from '@allot/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolutionServer } from '../resolution/resolution-servers.js';
import { JobRunner } from './job-runner.js';
import { trackJob as jobStatus, STALE_AFTER_MS } from '@allot/use-cases';
import { toCuriosityJob } from '../facades/curiosity/curiosity-job.js';

/** The built-in engine, held at a gate until the test opens it. */
class GatedServer implements ResolutionServer {
  readonly name = 'gated';
  readonly description = 'the engine, behind a gate';
  readonly started: string[] = [];
  #open!: () => void;
  readonly #gate = new Promise<void>((resolve) => (this.#open = resolve));
  readonly #waiting: { count: number; resolve: () => void }[] = [];

  open(): void {
    this.#open();
  }

  /**
   * Resolves once `count` jobs have reached the engine; fails after `ms`
   * saying how many had, so a job that never starts fails here, not later.
   */
  startedCount(count: number, ms = 5_000): Promise<void> {
    if (this.started.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `${count} jobs should have started within ${ms} ms; started: ${JSON.stringify(this.started)}`,
            ),
          ),
        ms,
      );
      this.#waiting.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async execute(store: Store, options: ExecuteOptions) {
    this.started.push(`${options.workspace}:${options.jobId}`);
    for (const waiter of this.#waiting.filter((w) => this.started.length >= w.count)) {
      this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
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
    // Two may start now (a's first, b's); a's second waits for a's first, which waits at the gate.
    await server.startedCount(2);
    expect(server.started).toEqual([`a:${first.id}`, `b:${other.id}`]);
    const vendor = async (job: { workspace: string; id: number }) =>
      toCuriosityJob(await jobStatus(store, job.workspace, job.id, new Date()), job.workspace);
    // Read from the store, as another replica would: queued from the moment it was started.
    expect(await store.getJobState('a', second.id)).toMatchObject({ phase: 'queued', tests: 1 });
    expect(await vendor(second)).toMatchObject({
      jobState: 'InQueue',
      progressMessage: 'queued behind earlier jobs of this workspace',
    });
    expect((await vendor(first)).jobState).toBe('InProgress');

    server.open();
    await runner.drain();
    expect(server.started).toEqual([`a:${first.id}`, `b:${other.id}`, `a:${second.id}`]);
    for (const job of [first, second, other]) {
      expect((await vendor(job)).jobState).toBe('Complete');
      expect(await store.getJobState(job.workspace, job.id)).toMatchObject({
        phase: 'done',
        answeredBy: job.id,
      });
    }
    // Run in turn, the two jobs of workspace a took different rows without a conflict.
    const one = await store.getResult('a', { pool: 'p', suite: 's', test: 'one' });
    const two = await store.getResult('a', { pool: 'p', suite: 's', test: 'two' });
    expect(one?.rows[0]?.['id']).not.toBe(two?.rows[0]?.['id']);
  });

  it('records who asked, and an error a job ended in, in its state', async () => {
    const failing: ResolutionServer = {
      name: 'broken',
      description: 'fails every job',
      execute: () => Promise.reject(new Error('connection refused to 10.0.0.7')),
    };
    const unexpected: unknown[] = [];
    const logged = new JobRunner(store, { onUnexpectedError: (error) => unexpected.push(error) });
    const job = await logged.start({
      workspace: 'a',
      server: failing,
      tests: [{ pool: 'p', suite: 's', test: 'one' }],
      createdUser: 'ci',
      keyId: 'k1',
    });
    await logged.drain();
    expect(await store.getJobState('a', job.id)).toMatchObject({
      phase: 'error',
      server: 'broken',
      createdUser: 'ci',
      keyId: 'k1',
      error: { code: 'INTERNAL' },
    });
    expect(unexpected).toHaveLength(1);
    const status = await jobStatus(store, 'a', job.id, new Date());
    expect(status).toMatchObject({ state: 'error', server: 'broken', createdUser: 'ci' });
    // The address in the error stays in the log, not in what clients read.
    expect(status.message).not.toContain('10.0.0.7');
  });

  it('takes a running job whose state stopped moving for dead', async () => {
    const at = new Date('2030-01-01T00:00:00Z');
    await store.putJobState({
      workspace: 'a',
      id: 41,
      phase: 'running',
      server: 'local',
      createdUser: null,
      keyId: null,
      tests: 2,
      progress: { phase: 'candidates', done: 1, total: 2 },
      answeredBy: null,
      error: null,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
    const soon = new Date(at.getTime() + STALE_AFTER_MS - 1000);
    expect(await jobStatus(store, 'a', 41, soon)).toMatchObject({
      state: 'running',
      message: 'candidates 1/2',
    });
    const late = new Date(at.getTime() + STALE_AFTER_MS + 1000);
    const dead = await jobStatus(store, 'a', 41, late);
    expect(dead.state).toBe('error');
    expect(dead.message).toMatch(/stopped before the job finished/);
  });

  it('reports the committed job when a stale state belongs to a job that committed', async () => {
    const id = await store.reserveJobId('a');
    await executeJob(store, {
      workspace: 'a',
      jobId: id,
      tests: [{ pool: 'p', suite: 's', test: 'one' }],
    });
    const at = new Date('2030-01-01T00:00:00Z');
    await store.putJobState({
      workspace: 'a',
      id,
      phase: 'running',
      server: 'local',
      createdUser: 'ci',
      keyId: null,
      tests: 1,
      progress: null,
      answeredBy: null,
      error: null,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
    const late = new Date(at.getTime() + STALE_AFTER_MS + 1000);
    expect(await jobStatus(store, 'a', id, late)).toMatchObject({
      state: 'complete',
      answeredBy: id,
      createdUser: 'ci',
    });
  });
});
