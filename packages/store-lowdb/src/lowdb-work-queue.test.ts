import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueuedJob, WorkQueue } from '@allot/core';
import { openLowdbWorkQueue, QUEUE_FILE } from './open-lowdb-work-queue.js';

const WS = 'w';
const dirs: string[] = [];
const queues: WorkQueue[] = [];

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'allot-queue-'));
  dirs.push(dir);
  return dir;
}

async function open(dir: string): Promise<WorkQueue> {
  const queue = await openLowdbWorkQueue(dir);
  queues.push(queue);
  return queue;
}

afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`never got there: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The queue file as a process killed now would leave it: a copy in another directory. */
async function crashCopy(dir: string, id: string, state: QueuedJob['state']): Promise<string> {
  const file = join(dir, QUEUE_FILE);
  await until(
    () => readFile(file, 'utf8'),
    (text) => text.includes(`"id":"${id}"`) && text.includes(`"state":"${state}"`),
  );
  const copy = await freshDir();
  await copyFile(file, join(copy, QUEUE_FILE));
  return copy;
}

/** A handler's wait that only an abort ends. */
const hang = (signal: AbortSignal) =>
  new Promise<null>((resolve) => {
    if (signal.aborted) resolve(null);
    signal.addEventListener('abort', () => resolve(null));
  });

describe('the embedded work queue across restarts', () => {
  it('queues again a job that was running when the process died, and runs it', async () => {
    const dir = await freshDir();
    const first = await open(dir);
    await first.work('slow', ({ signal }) => hang(signal));
    const id = await first.enqueue(WS, 'slow', { n: 1 });
    const restarted = await open(await crashCopy(dir, id, 'running'));
    expect(await restarted.get(WS, id)).toMatchObject({
      state: 'queued',
      attempts: 1,
      error: { code: 'WORKER_LOST' },
    });
    await restarted.work('slow', ({ attempt }) => Promise.resolve({ attempt }));
    expect(
      await until(
        () => restarted.get(WS, id),
        (job) => job?.state === 'completed',
      ),
    ).toMatchObject({
      attempts: 2,
      result: { attempt: 2 },
      error: null,
    });
  });

  it('fails with WORKER_LOST a job that died on its last attempt', async () => {
    const dir = await freshDir();
    const first = await open(dir);
    await first.work('slow', ({ signal }) => hang(signal));
    const id = await first.enqueue(WS, 'slow', {}, { maxAttempts: 1 });
    const restarted = await open(await crashCopy(dir, id, 'running'));
    const job = await restarted.get(WS, id);
    expect(job).toMatchObject({ state: 'failed', attempts: 1, error: { code: 'WORKER_LOST' } });
    expect(job?.finishedAt).not.toBeNull();
  });

  it('reads finished jobs as they ended, and hands back the attempt a close cut off', async () => {
    const dir = await freshDir();
    const first = await open(dir);
    await first.work('quick', ({ payload }) => Promise.resolve(payload));
    await first.work('slow', ({ signal }) => hang(signal));
    const done = await first.enqueue(WS, 'quick', 'done');
    await until(
      () => first.get(WS, done),
      (job) => job?.state === 'completed',
    );
    const cut = await first.enqueue(WS, 'slow', {}, { maxAttempts: 1 });
    await until(
      () => first.get(WS, cut),
      (job) => job?.state === 'running',
    );
    await first.close();
    const reopened = await open(dir);
    expect(await reopened.get(WS, done)).toMatchObject({ state: 'completed', result: 'done' });
    expect(await reopened.get(WS, cut)).toMatchObject({ state: 'queued', attempts: 0 });
    await reopened.work('slow', () => Promise.resolve('finished'));
    expect(
      await until(
        () => reopened.get(WS, cut),
        (job) => job?.state === 'completed',
      ),
    ).toMatchObject({
      attempts: 1,
      result: 'finished',
    });
  });
});

describe('closing the embedded work queue', () => {
  it('makes every caller of close wait for its last write, so the directory can go after any', async () => {
    const dir = await freshDir();
    const queue = await open(dir);
    await queue.work('slow', ({ signal }) => hang(signal));
    const id = await queue.enqueue(WS, 'slow', {});
    await until(
      () => queue.get(WS, id),
      (job) => job?.state === 'running',
    );
    let firstClosed = false;
    const first = queue.close().then(() => {
      firstClosed = true;
    });
    // The second close settles only once the first has: its handed-back job is written by then.
    await queue.close();
    expect(firstClosed).toBe(true);
    await rm(dir, { recursive: true });
    await first;
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a cancel once closed, rather than writing the queue file after the close', async () => {
    const dir = await freshDir();
    const queue = await open(dir);
    const id = await queue.enqueue(WS, 'later', {});
    await queue.close();
    await rm(dir, { recursive: true });
    await expect(queue.cancel(WS, id)).rejects.toMatchObject({ code: 'STORE_FAILURE' });
    expect(await queue.get(WS, id)).toMatchObject({ state: 'queued' });
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
