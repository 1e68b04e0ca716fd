import {
  assertProjectPermission,
  checkDatasetName,
  variableNotFoundError,
  type VariableRecord,
} from '@allot/core';
import type { EventLog } from './event-log.js';
import { datasetEvent, type DatasetCaller, type DatasetsStore } from './dataset-caller.js';
import { readProject } from './read-project.js';

async function variableOfCaller(
  store: DatasetsStore,
  id: number,
  caller: DatasetCaller,
): Promise<VariableRecord> {
  const variable = await store.getVariable(caller.workspace, id);
  if (variable === undefined) throw variableNotFoundError(id);
  const project = await readProject(store, caller.workspace, { id: variable.project });
  assertProjectPermission(project, caller, 'edit');
  return variable;
}

/**
 * Renames a variable and records `variable.updated`.
 *
 * @throws AllotError `INVALID_INPUT`; `ALREADY_EXISTS`; `NOT_FOUND`; `PROJECT_ACCESS`
 */
export async function renameVariable(
  store: DatasetsStore,
  events: EventLog,
  input: { id: number; name: unknown },
  caller: DatasetCaller,
): Promise<VariableRecord> {
  const name = checkDatasetName(input.name, 'name');
  const variable = await variableOfCaller(store, input.id, caller);
  const renamed = await store.renameVariable(caller.workspace, input.id, name);
  await events.record(
    datasetEvent('variable.updated', `variable:${input.id}`, variable.project, caller, { name }),
  );
  return renamed;
}

/**
 * Deletes a variable and its value in every dataset, and records `variable.deleted`.
 *
 * @throws AllotError `NOT_FOUND`; `PROJECT_ACCESS`
 */
export async function deleteVariable(
  store: DatasetsStore,
  events: EventLog,
  id: number,
  caller: DatasetCaller,
): Promise<void> {
  const variable = await variableOfCaller(store, id, caller);
  if (!(await store.deleteVariable(caller.workspace, id))) return;
  await events.record(
    datasetEvent('variable.deleted', `variable:${id}`, variable.project, caller, {
      name: variable.name,
    }),
  );
}
