import {
  datasetOfCaller,
  datasetView,
  type DatasetCaller,
  type DatasetsStore,
  type DatasetView,
} from './dataset-caller.js';

/**
 * One dataset of the caller's workspace with its project's variables.
 *
 * @throws AllotError `NOT_FOUND` when it does not exist; `PROJECT_ACCESS` when the caller cannot see its project
 */
export async function readDataset(
  store: DatasetsStore,
  id: number,
  caller: DatasetCaller,
): Promise<DatasetView> {
  const { dataset } = await datasetOfCaller(store, id, caller, 'view');
  return datasetView(dataset, await store.listVariables(caller.workspace, dataset.project));
}
