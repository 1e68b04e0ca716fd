import { AllotError, DEFAULT_DATASET_NAME } from '@allot/core';
import type { EventLog } from './event-log.js';
import { datasetOfCaller, type DatasetCaller, type DatasetsStore } from './dataset-caller.js';
import { datasetWriteEvent } from './dataset-journal.js';

/**
 * Deletes a dataset with its values and records `dataset.deleted` in the
 * same write. The Default dataset stays.
 *
 * @throws AllotError `INVALID_INPUT` for the Default dataset; `NOT_FOUND`; `PROJECT_ACCESS`
 */
export async function deleteDataset(
  store: DatasetsStore,
  events: EventLog,
  id: number,
  caller: DatasetCaller,
): Promise<void> {
  const { dataset } = await datasetOfCaller(store, id, caller, 'edit');
  if (dataset.isDefault)
    throw new AllotError(
      'INVALID_INPUT',
      `dataset_id: dataset ${id} is the ${DEFAULT_DATASET_NAME} dataset, which cannot be deleted`,
      { field: 'dataset_id' },
    );
  const written = datasetWriteEvent(events, 'dataset.deleted', caller);
  if (await store.deleteDataset(caller.workspace, id, written.journal)) await written.announce();
}
