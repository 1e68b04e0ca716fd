import { checkDatasetName } from '@allot/core';
import type { EventLog } from './event-log.js';
import {
  datasetProject,
  datasetView,
  type DatasetCaller,
  type DatasetsStore,
  type DatasetView,
} from './dataset-caller.js';
import { datasetWriteEvent } from './dataset-journal.js';
import { valuesByVariableId, type DatasetValuesInput } from './dataset-values-input.js';

/** A new dataset: its name and values by variable name or id; variables not named get "". */
export interface NewDatasetInput {
  project: number;
  name: unknown;
  values: DatasetValuesInput;
}

/**
 * Adds a dataset to a project and records `dataset.created` in the same write.
 *
 * @throws AllotError `INVALID_INPUT` for a bad name or value or an unknown variable; `ALREADY_EXISTS` for a name the project has; `NOT_FOUND`, `PROJECT_ACCESS` for the project
 */
export async function addDataset(
  store: DatasetsStore,
  events: EventLog,
  input: NewDatasetInput,
  caller: DatasetCaller,
): Promise<DatasetView> {
  const name = checkDatasetName(input.name, 'name');
  await datasetProject(store, input.project, caller, 'edit');
  const variables = await store.listVariables(caller.workspace, input.project);
  const values = valuesByVariableId(input.values, variables);
  const written = datasetWriteEvent(events, 'dataset.created', caller);
  const dataset = await store.addDataset(
    { workspace: caller.workspace, project: input.project, name, values },
    written.journal,
  );
  await written.announce();
  return datasetView(dataset, variables);
}
