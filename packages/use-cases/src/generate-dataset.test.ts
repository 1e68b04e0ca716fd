import {
  openMemoryStore,
  openMemoryWorkQueue,
  type CataloguePut,
  type QueueWork,
  type Store,
  type WorkQueue,
} from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Acting } from './acting.js';
import {
  createSyntheticDataset,
  DATASET_ATTEMPTS,
  type DatasetGenerationPayload,
} from './create-synthetic-dataset.js';
import { createProject } from './create-project.js';
import { deleteSyntheticDataset } from './delete-synthetic-dataset.js';
import { EventLog } from './event-log.js';
import { datasetGenerationHandler } from './generate-dataset.js';
import { readSyntheticDataset } from './read-synthetic-dataset.js';
import { readSyntheticDatasetFile } from './read-synthetic-dataset-file.js';
import { regenerateSyntheticDataset } from './regenerate-synthetic-dataset.js';
import { DATASET_CHUNK_KIND } from './synth-records.js';
import { uploadSchema } from './upload-schema.js';
import { addDataset } from './add-dataset.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const acting: Acting = { workspace: 'w', actor: 'key:1', user: 'u', ip: null, now: NOW };
/** Pieces of 64 KiB: the files of 3,000 records below are several pieces each. */
const PIECE = 64 * 1024;
const SCHEMA = {
  title: 'people',
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'integer' }, name: { type: 'string', minLength: 300, maxLength: 400 } },
};

describe('the dataset-generation handler', () => {
  let store: Store;
  let queue: WorkQueue;
  let events: EventLog;
  let dataset: number;
  let project: number;

  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    // No worker: the test runs the handler itself, step by step.
    queue = await openMemoryWorkQueue();
    events = new EventLog(store);
    project = (await createProject(store, events, { name: 'p' }, acting)).id;
    const schema = await uploadSchema(
      store,
      events,
      { project, name: 'people', source: SCHEMA },
      acting,
    );
    // Names of 300 to 400 characters: 3,000 records make files of about 1 MiB.
    const created = await createSyntheticDataset(
      store,
      queue,
      {
        project,
        name: 'd',
        schema: schema.id,
        recordCount: 3000,
        formats: ['csv', 'jsonl'],
        params: { seed: 1, batchSize: 500 },
      },
      acting,
    );
    dataset = created.id;
  });

  function work(
    onProgress: (done: number, controller: AbortController) => Promise<void> | void,
    attempt = 1,
  ): QueueWork<DatasetGenerationPayload> {
    const controller = new AbortController();
    return {
      id: 'job',
      workspace: 'w',
      kind: 'dataset-generation',
      payload: { dataset },
      attempt,
      progress: (done) => void onProgress(done, controller),
      signal: controller.signal,
    };
  }

  async function chunks(): Promise<number> {
    const records = await store.listCatalogue({
      workspace: 'w',
      kind: DATASET_CHUNK_KIND,
      page: { limit: 10_000, offset: 0 },
    });
    return records.length;
  }

  it('stores files in pieces that read back whole, and completes once', async () => {
    const handler = datasetGenerationHandler({
      store,
      events,
      clock: () => NOW,
      pieceBytes: PIECE,
    });
    expect(await handler(work(() => undefined))).toMatchObject({ status: 'completed' });
    const done = await readSyntheticDataset(store, queue, { workspace: 'w', id: dataset });
    expect(done.status).toBe('completed');
    const csv = done.files.find((f) => f.format === 'csv')!;
    expect(csv.chunks).toBeGreaterThan(1);
    expect(await chunks()).toBe(done.files.reduce((sum, f) => sum + f.chunks, 0));
    const download = await readSyntheticDatasetFile(store, queue, {
      workspace: 'w',
      id: dataset,
      format: 'jsonl',
    });
    let text = '';
    for await (const piece of download.chunks) text += piece;
    expect(
      text
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: number }).id),
    ).toHaveLength(3000);
    // A second delivery of the same job (a retry after a lost worker) changes nothing.
    expect(await handler(work(() => undefined))).toMatchObject({ status: 'completed' });
    expect(await chunks()).toBe(done.files.reduce((sum, f) => sum + f.chunks, 0));
  });

  it('names the synthetic dataset in its events apart from a dataset of variables of the same id', async () => {
    // Both kinds of dataset are numbered per workspace from 1: the subject alone must tell them apart.
    const variables = await addDataset(
      store,
      events,
      { project, name: 'login', values: {} },
      { ...acting, role: 'admin' },
    );
    const handler = datasetGenerationHandler({
      store,
      events,
      clock: () => NOW,
      pieceBytes: PIECE,
    });
    await handler(work(() => undefined));
    const recorded = await store.listEvents({ workspace: 'w', page: { limit: 100, offset: 0 } });
    const completed = recorded.find((e) => e.kind === 'dataset.completed');
    expect(completed?.subject).toBe(`synthetic-dataset:${dataset}`);
    const ofVariables = recorded.filter((e) => e.kind === 'dataset.created').map((e) => e.subject);
    expect(ofVariables).toContain(`dataset:${variables.id}`);
    expect(ofVariables).not.toContain(completed?.subject);
  });

  it('leaves no pieces behind when the dataset is deleted while it is generated', async () => {
    const handler = datasetGenerationHandler({
      store,
      events,
      clock: () => NOW,
      pieceBytes: PIECE,
    });
    let deleted = false;
    const result = await handler(
      work(async (done) => {
        if (done >= 1000 && !deleted) {
          deleted = true;
          await deleteSyntheticDataset(store, queue, { id: dataset }, acting);
        }
      }),
    );
    expect(deleted).toBe(true);
    expect(result).toMatchObject({ status: 'deleted' });
    expect(await chunks()).toBe(0);
  });

  it('deletes its pieces and throws for the queue when it is cancelled', async () => {
    const handler = datasetGenerationHandler({
      store,
      events,
      clock: () => NOW,
      pieceBytes: PIECE,
    });
    await expect(
      handler(
        work((done, controller) => {
          if (done >= 1000) controller.abort();
        }),
      ),
    ).rejects.toThrow(/cancelled/);
    expect(await chunks()).toBe(0);
    const read = await readSyntheticDataset(store, queue, { workspace: 'w', id: dataset });
    expect(read.status).toBe('queued');
    expect(read.files).toEqual([]);
  });

  it('queues a dataset whose job ended without an outcome again, and leaves a completed one alone', async () => {
    const created = await readSyntheticDataset(store, queue, { workspace: 'w', id: dataset });
    await queue.cancel('w', created.queuedJob!);
    expect((await readSyntheticDataset(store, queue, { workspace: 'w', id: dataset })).status).toBe(
      'failed',
    );
    const again = await regenerateSyntheticDataset(store, queue, { id: dataset }, acting);
    expect(again.status).toBe('queued');
    expect(again.queuedJob).not.toBe(created.queuedJob);
    expect((await queue.get('w', again.queuedJob!))?.state).toBe('queued');
    const handler = datasetGenerationHandler({
      store,
      events,
      clock: () => NOW,
      pieceBytes: PIECE,
    });
    expect(await handler(work(() => undefined))).toMatchObject({ status: 'completed' });
    const done = await regenerateSyntheticDataset(store, queue, { id: dataset }, acting);
    expect(done.status).toBe('completed');
    expect(done.queuedJob).toBe(again.queuedJob);
  });

  it('stores a failed dataset and no pieces when a store write fails mid-job, pieces in flight too', async () => {
    let jsonl = 0;
    // CSV pieces are stored slowly (still in flight when the job fails); the third JSON Lines piece fails.
    const failing = new Proxy(store, {
      get(target, name, receiver) {
        if (name === 'putCatalogue')
          return async (put: CataloguePut, now: Date) => {
            if (put.kind === DATASET_CHUNK_KIND && put.name.includes('/csv/'))
              await new Promise((resolve) => setTimeout(resolve, 20));
            if (put.kind === DATASET_CHUNK_KIND && put.name.includes('/jsonl/') && ++jsonl === 3)
              throw new Error('disk full');
            return target.putCatalogue(put, now);
          };
        const value: unknown = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const handler = datasetGenerationHandler({
      store: failing,
      events,
      clock: () => NOW,
      pieceBytes: PIECE,
    });
    const result = await handler(work(() => undefined, DATASET_ATTEMPTS));
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'GENERATION_FAILED', message: expect.stringContaining('disk full') },
    });
    expect(jsonl).toBe(3);
    const read = await readSyntheticDataset(store, queue, { workspace: 'w', id: dataset });
    expect([read.status, read.files, read.blocks]).toEqual(['failed', [], []]);
    // Give any put still running a chance to land: none may.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await chunks()).toBe(0);
  });
});
