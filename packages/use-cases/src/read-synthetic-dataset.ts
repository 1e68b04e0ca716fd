import type { CatalogueStore, QueueProgress, WorkQueue } from '@allot/core';
import type { SynthRef } from './read-schema-record.js';
import { DATASET_KIND, readSynthBody, type DatasetBody } from './synth-records.js';

/** A dataset with where its generation is: the stored outcome, or its queued job's state and progress. */
export interface SyntheticDatasetView extends DatasetBody {
  progress: QueueProgress | null;
}

/**
 * A dataset as any replica sees it. Until its generation writes an outcome,
 * its status is its queued job's: `queued`, `running` (with progress), or
 * `failed` when the job failed or was cancelled without writing one (the
 * replica running its last attempt died).
 *
 * @throws {@link AllotError} `NOT_FOUND` when the workspace (or project) has no dataset of this number.
 */
export async function readSyntheticDataset(
  store: CatalogueStore,
  queue: WorkQueue,
  ref: SynthRef,
): Promise<SyntheticDatasetView> {
  return withQueueState(
    queue,
    await readSynthBody<DatasetBody>(store, { ...ref, kind: DATASET_KIND }),
    ref.workspace,
  );
}

/** A stored dataset with its queued job's state, while it has no outcome. */
export async function withQueueState(
  queue: WorkQueue,
  dataset: DatasetBody,
  workspace: string,
): Promise<SyntheticDatasetView> {
  if (dataset.status !== 'queued' || dataset.queuedJob === null)
    return { ...dataset, progress: null };
  const job = await queue.get(workspace, dataset.queuedJob);
  if (job === undefined) return { ...dataset, progress: null };
  switch (job.state) {
    case 'running':
      return { ...dataset, status: 'running', progress: job.progress };
    case 'failed':
    case 'cancelled':
      return {
        ...dataset,
        status: 'failed',
        progress: job.progress,
        error: job.error ?? { code: 'CANCELLED', message: 'the generation was cancelled' },
        finishedAt: job.finishedAt,
      };
    default:
      return { ...dataset, progress: job.progress };
  }
}
