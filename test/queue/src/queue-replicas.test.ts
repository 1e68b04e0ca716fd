import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuedJob, WorkQueue } from '@allot/core';
import { openPostgresWorkQueue } from '@allot/store-postgres/work-queue';
import { childEnv } from '@allot/test-support/child-env';
import { testPostgresUrl, withClient } from '@allot/test-support/postgres';

const POSTGRES_URL = testPostgresUrl('the work queue across processes');
const WORKER = fileURLToPath(new URL('./queue-worker.mjs', import.meta.url));
const WS = 'replicas';
const schema = `allot_test_${randomBytes(6).toString('hex')}`;

interface Replica {
  child: ChildProcess;
  /** Makes the replica take `count` jobs. */
  work(): Promise<void>;
  /** The job as this replica reads it from the database. */
  get(id: string): Promise<QueuedJob | undefined>;
}

/** Starts a worker process and waits until its queue is open (it takes no job until `work`). */
async function startReplica(name: string): Promise<Replica> {
  const child = fork(WORKER, [], {
    env: childEnv({
      ALLOT_QUEUE_URL: POSTGRES_URL,
      ALLOT_QUEUE_SCHEMA: schema,
      ALLOT_QUEUE_WORKER: name,
    }),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  const [ready] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`replica ${name} exited with ${String(code)} before it was ready`);
    }),
  ])) as [{ ready?: string }];
  expect(ready).toEqual({ ready: name });
  // One question at a time, so each answer is the reply to its own question.
  let asking: Promise<unknown> = Promise.resolve();
  const ask = <T>(message: object): Promise<T> => {
    const asked = asking.then(async () => {
      const answer = once(child, 'message');
      child.send(message);
      return ((await answer) as [T])[0];
    });
    asking = asked.catch(() => undefined);
    return asked;
  };
  return {
    child,
    work: async () => {
      expect(await ask({ work: true })).toEqual({ working: name });
    },
    get: async (id) => (await ask<{ job?: QueuedJob }>({ get: id, workspace: WS })).job,
  };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} never happened: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const children: ChildProcess[] = [];
let queue: WorkQueue;

describe('the PostgreSQL work queue across processes', () => {
  beforeAll(async () => {
    // Installs the schema and pg-boss before the workers start; this process only enqueues and reads.
    queue = await openPostgresWorkQueue(POSTGRES_URL, { schema });
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await queue?.close();
    await withClient(POSTGRES_URL, (client) =>
      client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE;
                    DROP SCHEMA IF EXISTS "${schema}_queue" CASCADE`),
    );
  });

  it('reports a job running on one replica from another, and finishes it elsewhere when that replica is killed', async () => {
    // Both open the queue first (a second or two each), so that B is ready to take over at once.
    const [a, b] = await Promise.all([startReplica('A'), startReplica('B')]);
    await a.work();
    // Ten steps of 250 ms: 2.5 s of work, well inside the 6 s timeout after which pg-boss
    // takes a silent worker for dead.
    const id = await queue.enqueue(
      WS,
      'count',
      { steps: 10, stepMs: 250 },
      { timeoutSeconds: 6, maxAttempts: 3 },
    );
    await until(
      () => queue.get(WS, id),
      (job) => job?.state === 'running',
      'A taking the job',
    );
    await b.work();

    const seenFromB = await until(
      () => b.get(id),
      (job) => (job?.progress?.done ?? 0) >= 1,
      'progress of A read on B',
    );
    expect(seenFromB).toMatchObject({ state: 'running', attempts: 1 });
    expect(seenFromB?.progress?.message).toMatch(/ on A$/);

    a.child.kill('SIGKILL');
    await once(a.child, 'exit');
    const stalled = await queue.get(WS, id);
    expect(stalled).toMatchObject({ state: 'running', attempts: 1 });

    const retried = await until(
      () => b.get(id),
      (job) => job?.attempts === 2,
      'the job handed to B',
    );
    expect(retried?.state).toMatch(/running|completed/);
    const finished = await until(
      () => b.get(id),
      (job) => job?.state === 'completed',
      'B finishing the job',
    );
    expect(finished).toMatchObject({
      attempts: 2,
      result: { counted: 10, by: 'B' },
      progress: { done: 10, total: 10, message: 'done on B' },
      error: null,
    });
    // Every replica reads the same: this process as well as B.
    expect(await queue.get(WS, id)).toEqual(finished);
  }, 45_000);
});
