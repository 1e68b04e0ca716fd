import {
  AllotError,
  MAX_DATASET_NAME_LENGTH,
  testId,
  type JobStore,
  type Value,
} from '@allot/core';
import type { EventLog } from './event-log.js';
import {
  datasetEvent,
  datasetProject,
  type DatasetCaller,
  type DatasetsStore,
} from './dataset-caller.js';

/** What a job's results became: datasets added and datasets whose values were refreshed. */
export interface DatasetsFromJob {
  job: number;
  created: number[];
  updated: number[];
  /** Variables the results' columns added to the project. */
  variablesAdded: string[];
}

/**
 * Turns a job's allocated results into datasets of a project, so a
 * TestRail-parameterised suite runs on allocated, unique rows: one dataset
 * per test (per row, for tests of several rows: `… #2`, `… #3`), named
 * `<suite> / <test>`, its variables the result's columns (added to the
 * project when missing), its values the row's cells as strings (null as
 * ""). A dataset of that name already there gets the new values, so
 * running it again after a new job refreshes the datasets. Tests left
 * without rows are skipped. Records `datasets.from-job`.
 *
 * @throws AllotError `NOT_FOUND` for a job or project the workspace lacks; `PROJECT_ACCESS`
 */
export async function datasetsFromJob(
  store: DatasetsStore & JobStore,
  events: EventLog,
  input: { project: number; job: number },
  caller: DatasetCaller,
): Promise<DatasetsFromJob> {
  const { workspace } = caller;
  await datasetProject(store, input.project, caller, 'edit');
  const job = await store.getJob(workspace, input.job);
  if (job === undefined)
    throw new AllotError('NOT_FOUND', `job ${input.job} does not exist`, { job: input.job });
  const results = await store.getResults(
    workspace,
    job.tests.map((t) => ({ pool: t.pool, suite: t.suite, test: t.test })),
  );
  const variables = await store.listVariables(workspace, input.project);
  const byName = new Map(variables.map((v) => [v.name, v]));
  const variablesAdded: string[] = [];
  const out: DatasetsFromJob = { job: job.id, created: [], updated: [], variablesAdded };
  const existing = new Map(
    (await store.listDatasets(workspace, input.project, { limit: 1_000_000, offset: 0 })).map(
      (d) => [d.name, d],
    ),
  );
  for (const test of job.tests) {
    const found = results.get(testId(test));
    if (found === undefined) continue;
    for (const [index, row] of found.rows.entries()) {
      const values: Record<string, string> = {};
      for (const column of found.columns) {
        let variable = byName.get(column);
        if (variable === undefined) {
          variable = await store.addVariable(workspace, input.project, column);
          byName.set(column, variable);
          variablesAdded.push(column);
        }
        values[String(variable.id)] = cellText(row[column]);
      }
      const name = datasetName(test.suite, test.test, index);
      const same = existing.get(name);
      if (same === undefined) {
        const added = await store.addDataset({ workspace, project: input.project, name, values });
        existing.set(name, added);
        out.created.push(added.id);
      } else {
        await store.updateDataset(workspace, same.id, { values });
        out.updated.push(same.id);
      }
    }
  }
  await events.record(
    datasetEvent('datasets.from-job', `job:${job.id}`, input.project, caller, {
      created: out.created.length,
      updated: out.updated.length,
    }),
  );
  return out;
}

function cellText(value: Value | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** `<suite> / <test>`, `#n` for a test's later rows, cut to the longest name. */
function datasetName(suite: string, test: string, index: number): string {
  const suffix = index === 0 ? '' : ` #${index + 1}`;
  // eslint-disable-next-line no-control-regex
  const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  const full = `${clean(suite)} / ${clean(test)}`;
  return full.slice(0, MAX_DATASET_NAME_LENGTH - suffix.length).trim() + suffix;
}
