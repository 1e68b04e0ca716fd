import type { Page } from '@allot/core';
import {
  datasetProject,
  datasetView,
  type DatasetCaller,
  type DatasetsStore,
  type DatasetView,
} from './dataset-caller.js';

/** A page of a project's datasets by id (its Default first), and how many it has in all. */
export async function listDatasets(
  store: DatasetsStore,
  project: number,
  page: Page,
  caller: DatasetCaller,
): Promise<{ datasets: DatasetView[]; total: number }> {
  await datasetProject(store, project, caller, 'view');
  const [variables, records, total] = await Promise.all([
    store.listVariables(caller.workspace, project),
    store.listDatasets(caller.workspace, project, page),
    store.countDatasets(caller.workspace, project),
  ]);
  return { datasets: records.map((d) => datasetView(d, variables)), total };
}
