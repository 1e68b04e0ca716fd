import {
  testId,
  type ExecuteOptions,
  type FindForecast,
  type JobRecord,
  type JobReport,
} from '@allot/core';
import { executeBundle, type ExecuteStore } from './execute-bundle.js';
import { readPool } from './read-pool.js';

const DAY_MS = 24 * 3600 * 1000;
/** Jobs are read from the store this many at a time, newest first. */
const JOB_BATCH = 5000;

/** One find of a pool: supply against demand, and how fast jobs take its rows. */
export interface FindDepletion extends Omit<FindForecast, 'pool' | 'tests' | 'refs'> {
  tests: Array<{ pool: string; suite: string; test: string }>;
  /** Rows the window's jobs gave these tests (rows of tests answered by earlier jobs not counted twice). */
  taken: number;
  ratePerDay: number;
  /** When the free rows are gone at this rate; now when none are free; null when nothing is taken. */
  runsOutAt: string | null;
  /** Rows taken per UTC day of the window, oldest first. */
  daily: Array<{ date: string; rows: number }>;
}

/** A pool's forecast. */
export interface PoolForecastView {
  pool: string;
  at: string;
  days: number;
  finds: FindDepletion[];
  unplanned: Array<{ suite: string; test: string; reason: string }>;
}

/** What {@link forecastPool} needs besides the store. */
export interface ForecastOptions {
  now: Date;
  /** The window of past jobs that makes the rate, in days up to `now`. */
  days: number;
  /** Runs the dry run; default the built-in engine (a server passes its resolution server's). */
  execute?: (store: ExecuteStore, options: ExecuteOptions) => Promise<JobReport>;
}

/**
 * Will the pool run dry, and when: a dry run of every test of the pool
 * (demand, qualifying, free, leased and consumed rows per find; nothing is
 * written), and the rows the jobs of the last `days` days gave each find's
 * tests, as a rate per day and the moment the free rows run out at that
 * rate. A test's rows count on the day of the job that got them.
 */
export async function forecastPool(
  store: ExecuteStore,
  workspace: string,
  poolName: string,
  options: ForecastOptions,
): Promise<PoolForecastView> {
  const pool = await readPool(store, workspace, poolName);
  const tests = pool.tests.map((t) => ({ pool: pool.name, suite: t.suite, test: t.test }));
  const execute = options.execute ?? executeBundle;
  const report = await execute(store, {
    tests,
    workspace,
    dryRun: true,
    clock: () => options.now,
  });
  const findOf = new Map<string, number>();
  report.forecast.forEach((f, index) => {
    for (const ref of f.refs) findOf.set(testId(ref), index);
  });
  const since = options.now.getTime() - options.days * DAY_MS;
  const dates = windowDates(since, options.days);
  const taken = report.forecast.map(() => new Map<string, number>(dates.map((d) => [d, 0])));
  for (const job of await jobsSince(store, workspace, since)) {
    const date = job.createdAt.slice(0, 10);
    for (const test of job.tests) {
      if (test.pool !== pool.name || test.status === 'cached' || test.status === 'failed') continue;
      const index = findOf.get(testId(test));
      const daily = index === undefined ? undefined : taken[index];
      if (daily?.has(date)) daily.set(date, (daily.get(date) ?? 0) + test.rows.length);
    }
  }
  const finds = report.forecast.map((f, index): FindDepletion => {
    const daily = [...taken[index]!].map(([date, rows]) => ({ date, rows }));
    const total = daily.reduce((sum, d) => sum + d.rows, 0);
    const rate = total / options.days;
    const { pool: _pool, tests: _count, refs, ...counts } = f;
    return {
      ...counts,
      tests: refs,
      taken: total,
      ratePerDay: rate,
      runsOutAt:
        f.free === 0
          ? options.now.toISOString()
          : rate === 0
            ? null
            : new Date(options.now.getTime() + (f.free / rate) * DAY_MS).toISOString(),
      daily,
    };
  });
  const unplanned = report.tests
    .filter((t) => t.status === 'failed' && t.reason !== null && !findOf.has(testId(t)))
    .map((t) => ({ suite: t.suite, test: t.test, reason: t.reason ?? '' }));
  return { pool: pool.name, at: options.now.toISOString(), days: options.days, finds, unplanned };
}

/** The UTC days a window of `days` days ending now touches, oldest first. */
function windowDates(since: number, days: number): string[] {
  return Array.from({ length: days + 1 }, (_, i) =>
    new Date(since + i * DAY_MS).toISOString().slice(0, 10),
  );
}

async function jobsSince(
  store: ExecuteStore,
  workspace: string,
  since: number,
): Promise<JobRecord[]> {
  const jobs: JobRecord[] = [];
  for (let offset = 0; ; offset += JOB_BATCH) {
    const batch = await store.listJobs(workspace, { limit: JOB_BATCH, offset });
    for (const job of batch) {
      if (Date.parse(job.createdAt) < since) return jobs;
      jobs.push(job);
    }
    if (batch.length < JOB_BATCH) return jobs;
  }
}
