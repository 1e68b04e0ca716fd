import {
  assertProjectPermission,
  checkDatasetName,
  variableNotFoundError,
  type VariableRecord,
} from '@allot/core';
import type { EventLog } from './event-log.js';
import { type DatasetCaller, type DatasetsStore } from './dataset-caller.js';
import { variableWriteEvent } from './dataset-journal.js';
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
 * Renames a variable and records `variable.updated` in the same write.
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
  await variableOfCaller(store, input.id, caller);
  const written = variableWriteEvent(events, 'variable.updated', caller);
  const renamed = await store.renameVariable(caller.workspace, input.id, name, written.journal);
  await written.announce();
  return renamed;
}

/**
 * Deletes a variable and its value in every dataset, and records
 * `variable.deleted` in the same write.
 *
 * @throws AllotError `NOT_FOUND`; `PROJECT_ACCESS`
 */
export async function deleteVariable(
  store: DatasetsStore,
  events: EventLog,
  id: number,
  caller: DatasetCaller,
): Promise<void> {
  await variableOfCaller(store, id, caller);
  const written = variableWriteEvent(events, 'variable.deleted', caller);
  // A delete racing this one found it first: the variable is gone either way, its event recorded once.
  if (await store.deleteVariable(caller.workspace, id, written.journal)) await written.announce();
}
