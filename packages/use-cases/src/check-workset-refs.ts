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
    if (
      view === body.primary &&
      (await coverageSetVersion(store, project, view.dataSet)) !== undefined
    )
      continue;
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

/**
 * The version of the project's coverage set a primary data set names, if it
 * names one (TDO writes three-part versions: `1.0.0` finds `1.0`).
 */
async function coverageSetVersion(
  store: Store,
  project: ProjectRecord,
  ref: NamedVersion,
): Promise<string | undefined> {
  for (const version of coverageSetVersions(ref))
    if (
      (await store.getCatalogueByName(nameIn(project, COVERAGE_SET_KIND, ref.name), version)) !==
      undefined
    )
      return version;
  return undefined;
}

/** The coverage set versions a data set's version may stand for: as written, then without a three-part `.0`. */
function coverageSetVersions(ref: NamedVersion): Set<string> {
  return new Set([ref.version, ref.version.replace(/^(\d+\.\d+)\.0$/, '$1')]);
}

/**
 * Whether a workset body's primary data set names this coverage set
 * version: what keeps the version from being deleted while any version of
 * the workset could still assemble from it.
 */
export function worksetUsesCoverageSet(body: WorksetBody, set: NamedVersion): boolean {
  const dataSet = body.primary.dataSet;
  return dataSet.name === set.name && coverageSetVersions(dataSet).has(set.version);
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
 * The scenario, views and coverage set (when the primary data set names
 * one) a workset names, as the put of a version of it requires them:
 * checked again in the put's atomic step, so a delete of one of them that
 * passed its own check at the same moment cannot leave the workset naming
 * a record that is gone.
 */
export async function worksetRequirements(
  store: Store,
  project: ProjectRecord,
  body: WorksetBody,
): Promise<CatalogueRequirement[]> {
  const required = (kind: string, ref: NamedVersion, field: string): CatalogueRequirement => ({
    ...nameIn(project, kind, ref.name),
    version: ref.version,
    field,
  });
  const coverage = await coverageSetVersion(store, project, body.primary.dataSet);
  return [
    required(SCENARIO_KIND, body.scenario, 'entity.scenario'),
    required(DATA_VIEW_KIND, body.primary.view, 'entity.primary.view'),
    ...body.dataViews.map((bound, index) =>
      required(DATA_VIEW_KIND, bound.view, `entity.dataViews[${index}].view`),
    ),
    ...(coverage === undefined
      ? []
      : [
          required(
            COVERAGE_SET_KIND,
            { name: body.primary.dataSet.name, version: coverage },
            'entity.primary.dataSet',
          ),
        ]),
  ];
}
