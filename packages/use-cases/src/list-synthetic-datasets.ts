import type { CatalogueStore, Page, WorkQueue } from '@allot/core';
import { withQueueState, type SyntheticDatasetView } from './read-synthetic-dataset.js';
import { DATASET_KIND, listSynthBodies, type DatasetBody } from './synth-records.js';

/** The datasets of a workspace or project, by number, each with its current status. */
export async function listSyntheticDatasets(
  store: CatalogueStore,
  queue: WorkQueue,
  options: { workspace: string; project?: number | undefined; page: Page },
): Promise<SyntheticDatasetView[]> {
  const bodies = await listSynthBodies<DatasetBody>(store, { ...options, kind: DATASET_KIND });
  return Promise.all(bodies.map((body) => withQueueState(queue, body, options.workspace)));
}
