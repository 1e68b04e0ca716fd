import {
  AllotError,
  type CatalogueStore,
  type CoverageCombination,
  type CoverageReport,
  type DeterminingAttribute,
  type ProjectStore,
  type Value,
} from '@allot/core';
import {
  COVERAGE_RESULT_KIND,
  COVERAGE_SET_KIND,
  combinationCells,
  projectScope,
  recordByName,
  type CoverageResultBody,
  type CoverageSetBody,
  type CoverageSetRef,
} from './coverage-records.js';
import type { ProjectRef } from './read-project.js';

/** Which coverage data set to read: a coverage set version of a project. */
export interface CoverageDataSetRequest {
  workspace: string;
  /** The project, by id or by name and version. */
  project: ProjectRef;
  /** The coverage set's name (`api_demo_coverage`). */
  coverageSet: string;
  /** The coverage set's version (`1.2`). */
  version: string;
  /** One calculation of that version (`1.0`, `1.1` …); the latest when omitted. */
  calculation?: string;
}

/**
 * The coverage "data set" of a coverage set version: the combinations of
 * its latest calculation as a table, one column per attribute in the set's
 * order and one row per combination in priority order. A value cell holds
 * the value; a range cell its label `min..max` (the range itself stays in
 * `combinations`).
 */
export interface CoverageDataSet {
  coverageSet: CoverageSetRef;
  /** The version of the calculation read (calculations of one set version count 1.0, 1.1 …). */
  calculation: string;
  calculatedAt: string;
  calculatedBy: string;
  columns: string[];
  rows: Value[][];
  /** The rows as calculated: attribute name → value or `{minValue, maxValue}`. */
  combinations: CoverageCombination[];
  /** The attributes at the versions the set names, as calculated (sources, ranges, priorities). */
  attributes: DeterminingAttribute[];
  report: CoverageReport;
}

/**
 * Reads the calculated coverage of a coverage set version as a data set
 * (columns and rows), for data views, worksets and data assembly. This
 * shape and name are stable: other areas build on them.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the project, the set version or a
 *   calculation of it does not exist (calculate it first).
 */
export async function readCoverageDataSet(
  store: ProjectStore & CatalogueStore,
  request: CoverageDataSetRequest,
): Promise<CoverageDataSet> {
  const scope = await projectScope(store, request);
  const set = await recordByName<CoverageSetBody>(
    store,
    scope,
    COVERAGE_SET_KIND,
    request.coverageSet,
    request.version,
  );
  const result = await store.getCatalogueByName(
    { kind: COVERAGE_RESULT_KIND, workspace: scope.workspace, project: scope.key, name: set.id },
    request.calculation,
  );
  if (result === undefined) {
    throw new AllotError(
      'NOT_FOUND',
      request.calculation === undefined
        ? `coverage set "${set.name}" ${set.version} has not been calculated yet`
        : `coverage set "${set.name}" ${set.version} has no calculation ${request.calculation}`,
      { kind: COVERAGE_RESULT_KIND, coverageSet: set.name, version: set.version },
    );
  }
  const body = result.body as CoverageResultBody;
  return {
    coverageSet: body.coverageSet,
    calculation: result.version,
    calculatedAt: result.updatedAt,
    calculatedBy: result.updatedBy,
    columns: body.columns,
    rows: body.combinations.map((combination) => combinationCells(combination, body.columns)),
    combinations: body.combinations,
    attributes: body.attributes,
    report: body.report,
  };
}
