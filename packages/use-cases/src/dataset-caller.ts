import {
  assertProjectPermission,
  datasetNotFoundError,
  datasetValues,
  type DatasetRecord,
  type DatasetStore,
  type ProjectRecord,
  type ProjectStore,
  type Role,
  type VariableRecord,
} from '@allot/core';
import type { Acting } from './acting.js';
import { readProject } from './read-project.js';

/** Who works on datasets: the event log's caller, with the workspace role project access reads. */
export interface DatasetCaller extends Acting {
  role: Role;
}

/** The stores dataset use cases read and write. */
export type DatasetsStore = DatasetStore & ProjectStore;

/** A dataset as every surface shows it: its variables in id order, each with its value. */
export interface DatasetView {
  id: number;
  project: number;
  name: string;
  isDefault: boolean;
  variables: Array<{ id: number; name: string; value: string }>;
}

/** A dataset with its project's variables, as shown. */
export function datasetView(
  dataset: DatasetRecord,
  variables: readonly VariableRecord[],
): DatasetView {
  return {
    id: dataset.id,
    project: dataset.project,
    name: dataset.name,
    isDefault: dataset.isDefault,
    variables: datasetValues(dataset, variables),
  };
}

/**
 * The project of a dataset use case, checked for the caller's access. A
 * read: the project's Default dataset was written with the project.
 *
 * @throws AllotError `NOT_FOUND` for a project the workspace lacks; `PROJECT_ACCESS` without the access needed
 */
export async function datasetProject(
  store: DatasetsStore,
  project: number,
  caller: DatasetCaller,
  needed: 'view' | 'edit',
): Promise<ProjectRecord> {
  const found = await readProject(store, caller.workspace, { id: project });
  assertProjectPermission(found, caller, needed);
  return found;
}

/**
 * A dataset of the caller's workspace and its project, checked for access.
 *
 * @throws AllotError `NOT_FOUND` for a dataset the workspace lacks; `PROJECT_ACCESS` without the access needed
 */
export async function datasetOfCaller(
  store: DatasetsStore,
  id: number,
  caller: DatasetCaller,
  needed: 'view' | 'edit',
): Promise<{ dataset: DatasetRecord; project: ProjectRecord }> {
  const dataset = await store.getDataset(caller.workspace, id);
  if (dataset === undefined) throw datasetNotFoundError(id);
  const project = await readProject(store, caller.workspace, { id: dataset.project });
  assertProjectPermission(project, caller, needed);
  return { dataset, project };
}

/** An event about a dataset or variable, by the caller. */
export function datasetEvent(
  kind: string,
  subject: string,
  project: number,
  caller: DatasetCaller,
  details: Record<string, unknown>,
) {
  return {
    workspace: caller.workspace,
    kind,
    actor: caller.actor,
    ip: caller.ip,
    project,
    subject,
    at: caller.now.toISOString(),
    details,
  };
}
