import { AllotError, type CatalogueStore, type WorkQueue } from '@allot/core';
import type { Acting } from './acting.js';
import {
  DATASET_ATTEMPTS,
  generationTimeout,
  type DatasetGenerationPayload,
} from './create-synthetic-dataset.js';
import { readSyntheticDataset, type SyntheticDatasetView } from './read-synthetic-dataset.js';
import type { SynthRef } from './read-schema-record.js';
import {
  DATASET_GENERATION_KIND,
  DATASET_KIND,
  findSynthRecord,
  synthName,
  type DatasetBody,
} from './synth-records.js';

/**
 * Queues a dataset's generation again when it has none under way: it
 * failed, or its queued job is gone (an in-process queue that did not
 * survive a restart). A dataset queued, running or completed is answered
 * as it is. It generates with what it was created with, so the same files
 * come out for the same seed.
 *
 * @throws {@link AllotError} `NOT_FOUND`, or `VERSION_CONFLICT` when another request requeued it first
 */
export async function regenerateSyntheticDataset(
  store: CatalogueStore,
  queue: WorkQueue,
  ref: Omit<SynthRef, 'workspace'>,
  acting: Acting,
): Promise<SyntheticDatasetView> {
  const current = await readSyntheticDataset(store, queue, { ...ref, workspace: acting.workspace });
  const job =
    current.queuedJob === null ? undefined : await queue.get(acting.workspace, current.queuedJob);
  // A dataset still being created has no job yet: only a job that was queued and is gone counts.
  const stuck = current.status === 'queued' && current.queuedJob !== null && job === undefined;
  if (current.status !== 'failed' && !stuck) return current;
  const record = await findSynthRecord(store, acting.workspace, DATASET_KIND, current.id);
  if (record === undefined) throw new AllotError('NOT_FOUND', `no dataset ${current.id}`);
  const stored = record.body as DatasetBody;
  const payload: DatasetGenerationPayload = { dataset: current.id };
  const queuedJob = await queue.enqueue(acting.workspace, DATASET_GENERATION_KIND, payload, {
    maxAttempts: DATASET_ATTEMPTS,
    retryDelayMs: 1000,
    timeoutSeconds: generationTimeout(
      [{ recordCount: stored.recordCount }, ...stored.entities],
      stored.formats.length,
    ),
  });
  const body: DatasetBody = {
    ...stored,
    status: 'queued',
    queuedJob,
    error: null,
    files: [],
    blocks: [],
    finishedAt: null,
  };
  await store.putCatalogue(
    {
      ...synthName(DATASET_KIND, acting.workspace, current.id),
      body,
      actor: acting.actor,
      keepId: true,
      expectedVersion: record.version,
    },
    acting.now,
  );
  return { ...body, progress: null };
}
