import {
  AllotError,
  MAX_DATASET_NAME_LENGTH,
  testId,
  type JobStore,
  type Value,
} from '@allot/core';
import type { EventLog } from './event-log.js';
import { datasetProject, type DatasetCaller, type DatasetsStore } from './dataset-caller.js';
import { datasetsFillEvent } from './dataset-journal.js';

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
 * without rows are skipped. Everything (variables, datasets and the
 * `datasets.from-job` event) is one atomic write of the store: a failure
 * half-way leaves nothing of it.
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
  const datasets: Array<{ name: string; values: Record<string, string> }> = [];
  for (const test of job.tests) {
    const found = results.get(testId(test));
    if (found === undefined) continue;
    for (const [index, row] of found.rows.entries()) {
      const values: Record<string, string> = {};
      for (const column of found.columns) values[column] = cellText(row[column]);
      datasets.push({ name: datasetName(test.suite, test.test, index), values });
    }
  }
  const written = datasetsFillEvent(events, job.id, caller);
  const filled = await store.fillDatasets(
    { workspace, project: input.project, datasets },
    written.journal,
  );
  await written.announce();
  const { created, updated, variablesAdded } = filled;
  return { job: job.id, created, updated, variablesAdded };
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
