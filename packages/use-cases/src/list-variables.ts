import type { VariableRecord } from '@allot/core';
import { datasetProject, type DatasetCaller, type DatasetsStore } from './dataset-caller.js';

/** A project's variables by id. */
export async function listVariables(
  store: DatasetsStore,
  project: number,
  caller: DatasetCaller,
): Promise<VariableRecord[]> {
  await datasetProject(store, project, caller, 'view');
  return store.listVariables(caller.workspace, project);
}
