import {
  AllotError,
  DATA_VIEW_KIND,
  SCENARIO_KIND,
  dataSetVersion,
  type BoundView,
  type CatalogueRequirement,
  type NamedVersion,
  type ProjectRecord,
  type Store,
  type WorksetBody,
} from '@allot/core';
import { nameIn } from './assembly-catalogue.js';
import { COVERAGE_SET_KIND } from './coverage-records.js';

/**
 * Checks that what a workset names exists: its scenario and views in the
 * project, its data sets as data block versions. `NOT_FOUND` naming the
 * field otherwise, so nothing is stored that could not assemble.
 */
export async function checkWorksetRefs(
  store: Store,
  project: ProjectRecord,
  body: WorksetBody,
): Promise<void> {
  await exists(store, project, SCENARIO_KIND, body.scenario, 'entity.scenario');
  const bound: Array<[BoundView, string]> = [
    [body.primary, 'entity.primary'],
    ...body.dataViews.map((view, index): [BoundView, string] => [
      view,
      `entity.dataViews[${index}]`,
    ]),
  ];
  for (const [view, field] of bound) {
    await exists(store, project, DATA_VIEW_KIND, view.view, `${field}.view`);
    if (view === body.primary && (await isCoverageSet(store, project, view.dataSet))) continue;
    try {
      await dataSetVersion(store, project.workspace, view.dataSet);
    } catch (error) {
      if (error instanceof AllotError)
        throw new AllotError(error.code, `${field}.dataSet: ${error.message}`, {
          field: `${field}.dataSet`,
        });
      throw error;
    }
  }
}

/** Whether a primary data set names a coverage set of the project (three-part versions as TDO writes them). */
async function isCoverageSet(
  store: Store,
  project: ProjectRecord,
  ref: NamedVersion,
): Promise<boolean> {
  for (const version of new Set([ref.version, ref.version.replace(/^(\d+\.\d+)\.0$/, '$1')]))
    if (
      (await store.getCatalogueByName(nameIn(project, COVERAGE_SET_KIND, ref.name), version)) !==
      undefined
    )
      return true;
  return false;
}

async function exists(
  store: Store,
  project: ProjectRecord,
  kind: string,
  ref: NamedVersion,
  field: string,
): Promise<void> {
  const record = await store.getCatalogueByName(nameIn(project, kind, ref.name), ref.version);
  if (record === undefined)
    throw new AllotError(
      'NOT_FOUND',
      `${field}: no ${kind} "${ref.name}" ${ref.version} in the project`,
      {
        field,
      },
    );
}

/**
 * The scenario and views a workset names, as the put of a version of it
 * requires them: checked again in the put's atomic step, so a delete of
 * one of them that passed its own check at the same moment cannot leave
 * the workset naming a record that is gone.
 */
export function worksetRequirements(
  project: ProjectRecord,
  body: WorksetBody,
): CatalogueRequirement[] {
  const required = (kind: string, ref: NamedVersion, field: string): CatalogueRequirement => ({
    ...nameIn(project, kind, ref.name),
    version: ref.version,
    field,
  });
  return [
    required(SCENARIO_KIND, body.scenario, 'entity.scenario'),
    required(DATA_VIEW_KIND, body.primary.view, 'entity.primary.view'),
    ...body.dataViews.map((bound, index) =>
      required(DATA_VIEW_KIND, bound.view, `entity.dataViews[${index}].view`),
    ),
  ];
}
