import { checkDatasetName, type VariableRecord } from '@allot/core';
import type { EventLog } from './event-log.js';
import {
  datasetEvent,
  datasetProject,
  type DatasetCaller,
  type DatasetsStore,
} from './dataset-caller.js';

/**
 * Adds a variable to a project (every dataset reads "" for it) and records
 * `variable.created`.
 *
 * @throws AllotError `INVALID_INPUT` for a bad name; `ALREADY_EXISTS`; `NOT_FOUND`; `PROJECT_ACCESS`
 */
export async function addVariable(
  store: DatasetsStore,
  events: EventLog,
  input: { project: number; name: unknown },
  caller: DatasetCaller,
): Promise<VariableRecord> {
  const name = checkDatasetName(input.name, 'name');
  await datasetProject(store, input.project, caller, 'edit');
  const variable = await store.addVariable(caller.workspace, input.project, name);
  await events.record(
    datasetEvent('variable.created', `variable:${variable.id}`, input.project, caller, { name }),
  );
  return variable;
}
