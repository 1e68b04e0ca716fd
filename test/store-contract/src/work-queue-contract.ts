import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AllotError, type JsonValue, type QueuedJob, type WorkQueue } from '@allot/core';

/**
 * Opens a fresh, empty work queue; `close` is called after each test (and
 * may be called again: an opener that cleans up after it does so once).
 */
export type OpenWorkQueue = () => Promise<WorkQueue>;

const WS = 'contract';

/** Polls a job until `done` holds, or fails with the job as last seen. */
export async function waitForJob(
  queue: WorkQueue,
  id: string,
  done: (job: QueuedJob) => boolean,
  timeoutMs = 15_000,
): Promise<QueuedJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.get(WS, id);
    if (job && done(job)) return job;
    if (Date.now() > until) throw new Error(`job ${id} never got there: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A promise and the function that settles it, so a test decides when a handler returns. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** The contract every work queue passes: what a caller on any replica sees of a job. */
export function describeWorkQueueContract(name: string, open: OpenWorkQueue): void {
  describe(`work queue contract: ${name}`, () => {
    let queue: WorkQueue;
    beforeEach(async () => {
      queue = await open();
    });
    afterEach(async () => {
      await queue.close();
    });

    it('queues a job, readable only in its workspace', async () => {
      const id = await queue.enqueue(WS, 'generate', { rows: 10 }, { maxAttempts: 2 });
      expect(await queue.get(WS, id)).toMatchObject({
        id,
        workspace: WS,
        kind: 'generate',
        payload: { rows: 10 },
        state: 'queued',
        progress: null,
        result: null,
        error: null,
        attempts: 0,
        maxAttempts: 2,
        startedAt: null,
        finishedAt: null,
      });
      expect(await queue.get('elsewhere', id)).toBeUndefined();
      expect(await queue.get(WS, 'no-such-job')).toBeUndefined();
      expect((await queue.list('elsewhere')).total).toBe(0);
      await expect(queue.enqueue(WS, 'Not A Kind', {})).rejects.toBeInstanceOf(AllotError);
    });

    it('lists newest first, filtered by state and kind, a page at a time', async () => {
      const ids: string[] = [];
      for (const kind of ['a', 'b', 'a']) ids.push(await queue.enqueue(WS, kind, { kind }));
      await queue.cancel(WS, ids[2] as string);
      const all = await queue.list(WS);
      expect(all.total).toBe(3);
      expect(all.jobs.map((job) => job.id)).toEqual([...ids].reverse());
      const page = await queue.list(WS, {}, { limit: 1, offset: 1 });
      expect(page).toMatchObject({ total: 3, jobs: [{ id: ids[1] }] });
      expect((await queue.list(WS, { kind: 'a' })).jobs.map((job) => job.id)).toEqual([
        ids[2],
        ids[0],
      ]);
      expect((await queue.list(WS, { state: 'cancelled' })).jobs.map((job) => job.id)).toEqual([
        ids[2],
      ]);
      await expect(
        queue.list(WS, { state: 'lost' as unknown as QueuedJob['state'] }),
      ).rejects.toBeInstanceOf(AllotError);
    });

    it('runs a job: running with its progress, then completed with its result', async () => {
      const release = gate();
      await queue.work<{ rows: number }, JsonValue>('generate', async ({ payload, progress }) => {
        progress(3, payload.rows, 'three rows');
        await release.opened;
        progress(payload.rows, payload.rows);
        return { made: payload.rows };
      });
      const id = await queue.enqueue(WS, 'generate', { rows: 10 });
      const running = await waitForJob(queue, id, (job) => job.progress !== null);
      expect(running).toMatchObject({
        state: 'running',
        attempts: 1,
        progress: { done: 3, total: 10, message: 'three rows' },
      });
      expect(running.startedAt).not.toBeNull();
      release.open();
      const done = await waitForJob(queue, id, (job) => job.state === 'completed');
      expect(done).toMatchObject({
        result: { made: 10 },
        error: null,
        attempts: 1,
        progress: { done: 10, total: 10 },
      });
      expect(Date.parse(done.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(done.createdAt));
    });

    it('retries a failed attempt, then fails for good with the error code', async () => {
      const seen: number[] = [];
      await queue.work('flaky', async ({ attempt, payload }) => {
        seen.push(attempt);
        if (attempt === 1 || payload === 'always') {
          throw new AllotError('MAKE_FAILED', `attempt ${attempt} failed`);
        }
        return 'second time';
      });
      const flaky = await queue.enqueue(WS, 'flaky', 'once', { maxAttempts: 2, retryDelayMs: 0 });
      expect(await waitForJob(queue, flaky, (job) => job.state === 'completed')).toMatchObject({
        attempts: 2,
        result: 'second time',
        error: null,
      });
      const broken = await queue.enqueue(WS, 'flaky', 'always', {
        maxAttempts: 2,
        retryDelayMs: 0,
      });
      expect(await waitForJob(queue, broken, (job) => job.state === 'failed')).toMatchObject({
        attempts: 2,
        result: null,
        error: { code: 'MAKE_FAILED', message: 'attempt 2 failed' },
      });
      expect(seen).toEqual([1, 2, 1, 2]);
    });

    it('doubles the wait between attempts with retryBackoff', async () => {
      const started: number[] = [];
      await queue.work('backoff', async () => {
        started.push(Date.now());
        throw new AllotError('MAKE_FAILED', 'receiver down');
      });
      const id = await queue.enqueue(WS, 'backoff', null, {
        maxAttempts: 3,
        retryDelayMs: 1000,
        retryBackoff: true,
      });
      await waitForJob(queue, id, (job) => job.state === 'failed');
      expect(started).toHaveLength(3);
      const [first = 0, second = 0, third = 0] = started;
      // One delay before the second attempt, two before the third (PostgreSQL adds jitter on top).
      expect(second - first).toBeGreaterThanOrEqual(950);
      expect(third - second).toBeGreaterThanOrEqual(1950);
    });

    it('fails a job whose handler throws a plain error with HANDLER_FAILED', async () => {
      await queue.work('boom', () => Promise.reject(new Error('disk full')));
      const id = await queue.enqueue(WS, 'boom', null, { maxAttempts: 1 });
      expect(await waitForJob(queue, id, (job) => job.state === 'failed')).toMatchObject({
        attempts: 1,
        error: { code: 'HANDLER_FAILED', message: 'disk full' },
      });
    });

    it('never runs a job cancelled while queued', async () => {
      const id = await queue.enqueue(WS, 'late', {});
      expect(await queue.cancel(WS, id)).toMatchObject({ state: 'cancelled' });
      expect(await queue.cancel('elsewhere', id)).toBeUndefined();
      const ran: string[] = [];
      await queue.work('late', async ({ id: ranId }) => {
        ran.push(ranId);
        return null;
      });
      const after = await queue.enqueue(WS, 'late', {});
      await waitForJob(queue, after, (job) => job.state === 'completed');
      expect(ran).toEqual([after]);
      expect(await queue.get(WS, id)).toMatchObject({ state: 'cancelled', attempts: 0 });
    });

    it('aborts a running job when it is cancelled, and keeps it cancelled', async () => {
      const started = gate();
      const aborted = gate();
      await queue.work('endless', async ({ signal, progress }) => {
        progress(1, 100);
        started.open();
        await new Promise<void>((resolve) => {
          if (signal.aborted) resolve();
          signal.addEventListener('abort', () => resolve());
        });
        aborted.open();
        return 'ignored';
      });
      const id = await queue.enqueue(WS, 'endless', {});
      await started.opened;
      await waitForJob(queue, id, (job) => job.state === 'running');
      const cancelled = await queue.cancel(WS, id);
      expect(cancelled).toMatchObject({ state: 'cancelled' });
      await aborted.opened;
      // What the handler returned after the abort is dropped.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await queue.get(WS, id)).toMatchObject({ state: 'cancelled', result: null });
      expect(await queue.cancel(WS, id)).toMatchObject({ state: 'cancelled' });
    });

    it('makes a second close wait until the first is done, a slow-stopping job included', async () => {
      const started = gate();
      await queue.work('slow-stop', async ({ signal }) => {
        started.open();
        await new Promise<void>((resolve) => {
          if (signal.aborted) resolve();
          signal.addEventListener('abort', () => resolve());
        });
        // Slow to stop: the first close waits for it, so a second caller must too.
        await new Promise((resolve) => setTimeout(resolve, 500));
        throw signal.reason;
      });
      const id = await queue.enqueue(WS, 'slow-stop', {});
      await started.opened;
      await waitForJob(queue, id, (job) => job.state === 'running');
      let firstDone = false;
      const first = queue.close().then(() => {
        firstDone = true;
      });
      await queue.close();
      expect(firstDone).toBe(true);
      await first;
      await expect(queue.enqueue(WS, 'slow-stop', {})).rejects.toMatchObject({
        code: 'STORE_FAILURE',
      });
    });
  });
}
