import type { NamedVersion, PrimaryDataSet, ProjectRecord, Store } from '@allot/core';
import { COVERAGE_SET_KIND } from './coverage-records.js';
import { readCoverageDataSet } from './read-coverage-data-set.js';
import { projectKey } from './assembly-catalogue.js';

/**
 * How an assembly reads a primary data set that names a coverage set of the
 * project: its latest calculated coverage, one combination a row. TDO
 * writes the set's version in three parts (`1.0.0` for `1.0`). Undefined
 * when no coverage set has that name and version: the data set is then a
 * data block. A set never calculated is `NOT_FOUND` saying so.
 */
export function coveragePrimaryDataSet(
  store: Store,
  project: ProjectRecord,
): (dataSet: NamedVersion) => Promise<PrimaryDataSet | undefined> {
  return async (dataSet) => {
    for (const version of new Set([
      dataSet.version,
      dataSet.version.replace(/^(\d+\.\d+)\.0$/, '$1'),
    ])) {
      const set = await store.getCatalogueByName(
        {
          kind: COVERAGE_SET_KIND,
          workspace: project.workspace,
          project: projectKey(project),
          name: dataSet.name,
        },
        version,
      );
      if (set === undefined) continue;
      const coverage = await readCoverageDataSet(store, {
        workspace: project.workspace,
        project: { id: project.id },
        coverageSet: dataSet.name,
        version,
      });
      return {
        name: dataSet.name,
        version: set.version,
        columns: coverage.columns,
        rows: coverage.rows,
      };
    }
    return undefined;
  };
}
