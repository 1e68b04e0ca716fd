import { AllotError, checkDatasetName, DEFAULT_DATASET_NAME } from '@allot/core';
import type { EventLog } from './event-log.js';
import {
  datasetOfCaller,
  datasetView,
  type DatasetCaller,
  type DatasetsStore,
  type DatasetView,
} from './dataset-caller.js';
import { datasetWriteEvent } from './dataset-journal.js';
import { valuesByVariableId, type DatasetValuesInput } from './dataset-values-input.js';

/** A change to a dataset: a new name (optional) and values by variable name to set. */
export interface DatasetChangeInput {
  id: number;
  name?: unknown;
  values: DatasetValuesInput;
}

/**
 * Renames a dataset and sets some of its values (the others stay), and
 * records `dataset.updated` in the same write. The Default dataset keeps its name.
 *
 * @throws AllotError `INVALID_INPUT` for a bad name or value, an unknown variable or a new name for Default; `ALREADY_EXISTS`; `NOT_FOUND`; `PROJECT_ACCESS`
 */
export async function updateDataset(
  store: DatasetsStore,
  events: EventLog,
  input: DatasetChangeInput,
  caller: DatasetCaller,
): Promise<DatasetView> {
  const name = input.name === undefined ? undefined : checkDatasetName(input.name, 'name');
  const { dataset } = await datasetOfCaller(store, input.id, caller, 'edit');
  if (dataset.isDefault && name !== undefined && name !== DEFAULT_DATASET_NAME)
    throw new AllotError(
      'INVALID_INPUT',
      `name: the ${DEFAULT_DATASET_NAME} dataset keeps its name`,
      {
        field: 'name',
      },
    );
  const variables = await store.listVariables(caller.workspace, dataset.project);
  const values = valuesByVariableId(input.values, variables);
  const written = datasetWriteEvent(events, 'dataset.updated', caller);
  const updated = await store.updateDataset(
    caller.workspace,
    input.id,
    { ...(name === undefined ? {} : { name }), values },
    written.journal,
  );
  await written.announce();
  return datasetView(updated, variables);
}
