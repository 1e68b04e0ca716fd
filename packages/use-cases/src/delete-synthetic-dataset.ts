import type { CatalogueStore, WorkQueue } from '@allot/core';
import type { Acting } from './acting.js';
import { deleteChunks } from './dataset-chunks.js';
import type { SynthRef } from './read-schema-record.js';
import { DATASET_KIND, readSynthBody, synthName, type DatasetBody } from './synth-records.js';

/**
 * Deletes a dataset and its files, cancelling its generation when it has
 * not finished (a generation that finishes anyway finds it gone and
 * deletes what it wrote). The data block versions its rows became stay:
 * block versions are immutable, and pools may hold leases on them.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the workspace (or project) has no dataset of this number.
 */
export async function deleteSyntheticDataset(
  store: CatalogueStore,
  queue: WorkQueue,
  ref: Omit<SynthRef, 'workspace'>,
  acting: Acting,
): Promise<void> {
  const dataset = await readSynthBody<DatasetBody>(store, {
    ...ref,
    workspace: acting.workspace,
    kind: DATASET_KIND,
  });
  if (dataset.queuedJob !== null && dataset.status === 'queued')
    await queue.cancel(acting.workspace, dataset.queuedJob);
  await store.deleteCatalogue(
    { ...synthName(DATASET_KIND, acting.workspace, dataset.id), actor: acting.actor, force: true },
    acting.now,
  );
  await deleteChunks(store, {
    workspace: acting.workspace,
    dataset: dataset.id,
    files: dataset.files,
    actor: acting.actor,
    now: acting.now,
  });
}
