import type { CatalogueStore, ProjectStore } from '@allot/core';
import {
  COVERAGE_SET_KIND,
  listAll,
  projectScope,
  type CoverageSetRecord,
  type InProject,
} from './coverage-records.js';

/**
 * The coverage sets of a project: every version (each is usable and has
 * its own id), or the latest of each name with `latestOnly`.
 */
export async function listCoverageSets(
  store: ProjectStore & CatalogueStore,
  input: InProject & { latestOnly?: boolean },
): Promise<CoverageSetRecord[]> {
  const scope = await projectScope(store, input);
  return listAll(store, scope, COVERAGE_SET_KIND, { latestOnly: input.latestOnly === true });
}
