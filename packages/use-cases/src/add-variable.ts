import { checkDatasetName, type VariableRecord } from '@allot/core';
import type { EventLog } from './event-log.js';
import { datasetProject, type DatasetCaller, type DatasetsStore } from './dataset-caller.js';
import { variableWriteEvent } from './dataset-journal.js';

/**
 * Adds a variable to a project (every dataset reads "" for it) and records
 * `variable.created` in the same write.
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
  const written = variableWriteEvent(events, 'variable.created', caller);
  const variable = await store.addVariable(caller.workspace, input.project, name, written.journal);
  await written.announce();
  return variable;
}
