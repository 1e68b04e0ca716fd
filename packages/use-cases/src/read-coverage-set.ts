import type { CatalogueStore, ProjectStore } from '@allot/core';
import {
  COVERAGE_SET_KIND,
  projectScope,
  recordById,
  recordByName,
  type CoverageSetBody,
  type CoverageSetRecord,
  type InProject,
} from './coverage-records.js';

/** How a coverage set version is addressed: by its id, or by name and version (the latest when omitted). */
export type CoverageSetAddress = { id: string } | { name: string; version?: string };

/** One version of a coverage set of a project; `NOT_FOUND` when the project has none at this address. */
export async function readCoverageSet(
  store: ProjectStore & CatalogueStore,
  input: InProject & { coverageSet: CoverageSetAddress },
): Promise<CoverageSetRecord> {
  const scope = await projectScope(store, input);
  const { coverageSet } = input;
  return 'id' in coverageSet
    ? recordById<CoverageSetBody>(store, scope, COVERAGE_SET_KIND, coverageSet.id)
    : recordByName<CoverageSetBody>(
        store,
        scope,
        COVERAGE_SET_KIND,
        coverageSet.name,
        coverageSet.version,
      );
}
