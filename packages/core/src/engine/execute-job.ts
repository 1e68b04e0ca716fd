import { createHash, randomBytes } from 'node:crypto';
import { AllotError, LeaseConflictError } from '../errors.js';
import {
  rowId,
  testId,
  type ClaimState,
  type JobCommit,
  type JobRecord,
  type JobTest,
  type RowObject,
  type RowValues,
  type TestRef,
} from '../model.js';
import { jobTestIndex } from '../job-test-index.js';
import type { Store } from '../store/store.js';
import type { ResolutionServer } from './resolution-server.js';
import { describeShortfall, forecastClasses } from './explain.js';
import { classifyTests, type FindClass, type Resolved } from './find-classes.js';
import type { JobProgress, JobReport, TestOutcome } from './job-report.js';
import { censusRows, gatherInStore, type Gathered } from './gather-in-store.js';
import { claimsByBlock, type BlockClaims } from './scan-candidates.js';
import { demandOf, planAllocation } from './plan-allocation.js';
import { resolveTests, type ResolvedTest } from './resolve-tests.js';
import { runMakes } from './run-makes.js';

/** The workspace of embedded use (CLI, action). */
export const DEFAULT_WORKSPACE = 'default';
/** How long leases last when nobody says: two hours. */
export const DEFAULT_TTL_SECONDS = 7200;
/** Commits lost to a concurrent job are retried on fresh leases for this long. */
const RETRY_BUDGET_MS = 60_000;

export interface ExecuteOptions {
  /** The tests to allocate together: uniqueness holds across all of them. */
  tests: readonly TestRef[];
  workspace?: string;
  /** Lease lifetime; default {@link DEFAULT_TTL_SECONDS}. */
  ttlSeconds?: number;
  /** Allocate anew even when live results exist (their leases end). */
  refresh?: boolean;
  /** Plan and report without committing anything. */
  dryRun?: boolean;
  /** Goes into make templates as `{{run.namespace}}`; default random. */
  namespace?: string;
  /** Seeds makes, so a run can be reproduced. */
  seed?: string;
  clock?: () => Date;
  onProgress?: (progress: JobProgress) => void;
  /** An id from `store.reserveJobId`, for callers that announce the job before it commits. */
  jobId?: number;
  /** The registered database that resolves SQL finds and makes; data block finds need none. */
  server?: ResolutionServer;
}

/**
 * Executes a bundle of allocation tests as one job: gathers candidates,
 * matches rows to tests, runs makes for the rest, and commits the job, its
 * leases and results in one atomic store operation.
 */
export async function executeJob(store: Store, options: ExecuteOptions): Promise<JobReport> {
  const workspace = options.workspace ?? DEFAULT_WORKSPACE;
  const clock = options.clock ?? (() => new Date());
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'resolve', done: 0, total: options.tests.length });
  const resolved = await resolveTests(store, workspace, options.tests);
  const bundleKey = bundleKeyOf(resolved, options.server?.name ?? 'local');
  if (!options.refresh && !options.dryRun) {
    const live = await store.findLiveJob(workspace, bundleKey, clock());
    // A job that left tests without rows is not an answer: run again, keeping the rows it gave.
    if (live !== undefined && live.failed === 0) return reportJob(store, live, true);
  }
  const ok = resolved.filter((r): r is Resolved => r.error === null);
  const reuses = !options.refresh && !options.dryRun;
  let reused = reuses
    ? await liveHolders(store, workspace, ok, clock())
    : new Map<Resolved, JobRecord>();
  let { classes, errors } = await classifyTests(
    store,
    workspace,
    unheld(ok, reused),
    options.server,
  );
  const jobId = options.dryRun ? null : (options.jobId ?? (await store.reserveJobId(workspace)));
  const namespace = options.namespace ?? randomBytes(4).toString('hex');
  const run = { store, workspace, options, classes, progress, jobId, namespace };
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const now = clock();
    try {
      const plan = await planJob(run, now);
      if (options.dryRun) return dryRunReport(resolved, errors, plan, namespace);
      const commit = buildCommit({ run, resolved, errors, reused, plan, bundleKey, now });
      progress({ phase: 'commit', done: 0, total: 1 });
      const job = await store.commitJob(commit, now);
      progress({ phase: 'done', done: 1, total: 1 });
      return reportJob(store, job, false);
    } catch (error) {
      const retry =
        error instanceof LeaseConflictError ||
        (error instanceof AllotError && error.code === 'DUPLICATE_KEY');
      if (!retry || Date.now() - started > RETRY_BUDGET_MS) throw error;
      await backoff(attempt);
      if (!reuses || !(error instanceof LeaseConflictError)) continue;
      // The job that won may hold this bundle, or some of its tests: reuse what it holds
      // rather than allocate those tests a second time.
      const live = await store.findLiveJob(workspace, bundleKey, clock());
      if (live !== undefined && live.failed === 0) return reportJob(store, live, true);
      const holders = await liveHolders(store, workspace, ok, clock());
      if (sameHolders(holders, reused)) continue;
      reused = holders;
      ({ classes, errors } = await classifyTests(
        store,
        workspace,
        unheld(ok, reused),
        options.server,
      ));
      run.classes = classes;
    }
  }
}

/** The tests no live job holds: the ones this job allocates. */
function unheld(items: readonly Resolved[], held: ReadonlyMap<Resolved, JobRecord>): Resolved[] {
  return items.filter((item) => !held.has(item));
}

function sameHolders(
  a: ReadonlyMap<Resolved, JobRecord>,
  b: ReadonlyMap<Resolved, JobRecord>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [item, job] of a) if (b.get(item)?.id !== job.id) return false;
  return true;
}

/** Jittered exponential backoff, so jobs that lost a race do not collide again in lockstep. */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(250, 2 ** Math.min(attempt, 8));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

interface Run {
  store: Store;
  workspace: string;
  options: ExecuteOptions;
  classes: FindClass[];
  progress: (progress: JobProgress) => void;
  jobId: number | null;
  namespace: string;
}

/** The outcome of one attempt: each pending test's rows, or why it has none. */
interface Plan {
  claims: ClaimState;
  tests: Map<
    Resolved,
    {
      status: 'allocated' | 'made';
      rows: Array<{ block: string; key: string; columns: string[]; values: RowValues }>;
    }
  >;
  failures: Map<Resolved, string>;
  madeRows: JobCommit['madeRows'];
  matched: Map<FindClass, number>;
  makesNeeded: Map<FindClass, number>;
}

async function planJob(run: Run, now: Date): Promise<Plan> {
  const blocks = [...new Set(run.classes.map((c) => c.source.block.block))];
  const claims = await run.store.claimState(run.workspace, blocks, now);
  if (run.options.refresh) await ignoreOwnLeases(run, claims, now);
  const total = run.classes.length;
  run.progress({ phase: 'candidates', done: 0, total });
  // A refresh sets some of its own leases aside, which only the in-memory scan knows of;
  // a dry run counts every find's rows.
  const gathered =
    run.options.refresh || run.options.dryRun
      ? new Map<FindClass, Gathered>()
      : await gatherInStore(run.classes, {
          store: run.store,
          workspace: run.workspace,
          now,
          limit: run.classes.reduce((sum, cls) => sum + demandOf(cls), 0),
        });
  await Promise.all(
    run.classes.filter((cls) => !gathered.has(cls)).map((cls) => cls.source.read()),
  );
  const claimsOf = claimsByBlock(claims);
  const allocation = planAllocation(run.classes, claimsOf, {
    onClass: (done) => run.progress({ phase: 'candidates', done, total }),
    gathered,
  });
  run.progress({ phase: 'matching', done: 1, total: 1 });
  const plan: Plan = {
    claims,
    tests: new Map(),
    failures: new Map(),
    madeRows: [],
    matched: allocation.matched,
    makesNeeded: new Map(),
  };
  const unmatched: Array<{ item: Resolved; cls: FindClass }> = [];
  for (const cls of run.classes) {
    for (const item of cls.tests) {
      const rows = allocation.rows.get(item);
      if (rows === undefined) {
        unmatched.push({ item, cls });
        continue;
      }
      const columns = cls.source.block.columns;
      plan.tests.set(item, {
        status: 'allocated',
        rows: rows.map((r) => ({ block: r.block, key: r.key, columns, values: r.values })),
      });
    }
  }
  const short = new Set<FindClass>();
  for (const { item, cls } of unmatched) {
    if (item.test.make !== undefined)
      plan.makesNeeded.set(cls, (plan.makesNeeded.get(cls) ?? 0) + item.test.count);
    else short.add(cls);
  }
  // One census per class: it counts the block's rows.
  const reasons = await shortfalls(run, [...short], {
    claimsOf,
    gathered,
    matched: allocation.matched,
  });
  for (const { item, cls } of unmatched) {
    const reason = reasons.get(cls);
    if (reason !== undefined) plan.failures.set(item, reason);
  }
  if (run.options.dryRun) return plan;
  run.progress({ phase: 'makes', done: 0, total: unmatched.length });
  const made = await runMakes(
    {
      store: run.store,
      workspace: run.workspace,
      jobId: String(run.jobId),
      namespace: run.namespace,
      seed: run.options.seed ?? 'allot',
      server: run.options.server,
    },
    unmatched,
  );
  plan.madeRows = made.versions;
  for (const { item } of unmatched) {
    const rows = made.rows.get(item);
    if (rows !== undefined) {
      const toRow = (values: RowValues) => ({
        block: rows.block,
        key: String(values[rows.keyIndex]),
        columns: rows.columns,
        values,
      });
      plan.tests.set(item, { status: 'made', rows: rows.values.map(toRow) });
      continue;
    }
    const makeError = made.errors.get(item);
    if (makeError !== undefined) plan.failures.set(item, makeError);
  }
  return plan;
}

/**
 * Why each short class's tests got no rows. The census reads the rows the
 * store gathered and the rows held by key when it can, else the whole block.
 */
async function shortfalls(
  run: Run,
  classes: FindClass[],
  state: {
    claimsOf: (block: string) => BlockClaims;
    gathered: Map<FindClass, Gathered>;
    matched: Map<FindClass, number>;
  },
): Promise<Map<FindClass, string>> {
  const reasons = new Map<FindClass, string>();
  await Promise.all(
    classes.map(async (cls) => {
      const claims = state.claimsOf(cls.source.block.block);
      const rows = cls.source.isRead
        ? undefined
        : await censusRows(cls, state.gathered.get(cls), claims, run);
      if (rows === undefined) await cls.source.read();
      reasons.set(cls, describeShortfall(cls, claims, state.matched.get(cls) ?? 0, rows));
    }),
  );
  return reasons;
}

/** A refresh replaces the tests' own live leases: those rows are theirs to take again. */
async function ignoreOwnLeases(run: Run, claims: ClaimState, now: Date): Promise<void> {
  const holders = await liveHolders(
    run.store,
    run.workspace,
    run.classes.flatMap((c) => c.tests),
    now,
  );
  for (const [item, job] of holders) {
    const test = job.tests[jobTestIndex(job, item.ref)];
    for (const row of test?.rows ?? []) {
      const id = rowId(row.block, row.key);
      const rest = (claims.leases.get(id) ?? []).filter((h) => h.jobId !== job.id);
      if (rest.length === 0) claims.leases.delete(id);
      else claims.leases.set(id, rest);
    }
  }
}

/** Tests whose result is held by a live job, with that job. */
async function liveHolders(
  store: Store,
  workspace: string,
  items: readonly Resolved[],
  now: Date,
): Promise<Map<Resolved, JobRecord>> {
  const holders = new Map<Resolved, JobRecord>();
  const results = await store.getResults(
    workspace,
    items.map((item) => item.ref),
  );
  const jobs = new Map<number, Promise<JobRecord | undefined>>();
  for (const item of items) {
    const result = results.get(testId(item.ref));
    if (result === undefined) continue;
    if (!jobs.has(result.jobId)) jobs.set(result.jobId, store.getJob(workspace, result.jobId));
    const job = await jobs.get(result.jobId);
    if (job === undefined || job.releasedAt !== null || Date.parse(job.expiresAt) <= now.getTime())
      continue;
    const test = job.tests[jobTestIndex(job, item.ref)];
    if (
      test !== undefined &&
      test.releasedAt === null &&
      (test.status === 'allocated' || test.status === 'made')
    ) {
      holders.set(item, job);
    }
  }
  return holders;
}

interface CommitInput {
  run: Run;
  resolved: ResolvedTest[];
  errors: Map<Resolved, string>;
  reused: Map<Resolved, JobRecord>;
  plan: Plan;
  bundleKey: string;
  now: Date;
}

function buildCommit(input: CommitInput): JobCommit {
  const { run, plan, now } = input;
  const jobId = run.jobId as number;
  const tests: JobTest[] = [];
  const results: JobCommit['results'] = [];
  for (const entry of input.resolved) {
    const base = { ...entry.ref, readOnly: false, consume: false, fromJob: null, releasedAt: null };
    if (entry.error !== null) {
      tests.push({ ...base, status: 'failed', reason: entry.error, rows: [] });
      continue;
    }
    const flags = { readOnly: entry.test.readOnly, consume: entry.test.consume };
    const holder = input.reused.get(entry);
    const got = plan.tests.get(entry);
    if (holder !== undefined) {
      tests.push({
        ...base,
        ...flags,
        status: 'cached',
        reason: null,
        rows: [],
        fromJob: holder.id,
      });
    } else if (got !== undefined) {
      tests.push({
        ...base,
        ...flags,
        status: got.status,
        reason: null,
        rows: got.rows.map((r) => ({ block: r.block, key: r.key })),
      });
      const columns = entry.test.columns ?? got.rows[0]?.columns ?? [];
      results.push({
        ...entry.ref,
        jobId,
        columns,
        rows: got.rows.map((r) => pick(r.columns, r.values, columns)),
        createdAt: now.toISOString(),
      });
    } else {
      const reason =
        input.errors.get(entry) ?? plan.failures.get(entry) ?? 'no rows were allocated';
      tests.push({ ...base, ...flags, status: 'failed', reason, rows: [] });
    }
  }
  const ttl = run.options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  return {
    workspace: run.workspace,
    jobId,
    bundleKey: input.bundleKey,
    namespace: run.namespace,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(),
    tests,
    results,
    madeRows: plan.madeRows,
    supersedes: run.options.refresh ? [...plan.tests.keys()].map((item) => item.ref) : [],
  };
}

function pick(columns: string[], values: RowValues, wanted: string[]): RowObject {
  const row: RowObject = {};
  for (const column of wanted) row[column] = values[columns.indexOf(column)] ?? null;
  return row;
}

/** Identifies a bundle by its tests and their definitions, in any order. */
function bundleKeyOf(resolved: readonly ResolvedTest[], server: string): string {
  const parts = resolved
    .map((r) => JSON.stringify([testId(r.ref), r.test ?? null, r.pool?.key ?? null]))
    .sort();
  return createHash('sha256')
    .update(`${server}\n${parts.join('\n')}`)
    .digest('hex');
}

/** The report of a committed job, with every test's values. */
export async function reportJob(store: Store, job: JobRecord, cached: boolean): Promise<JobReport> {
  const tests: TestOutcome[] = [];
  const pools = new Map<string, string[]>();
  const results = await store.getResults(
    job.workspace,
    job.tests.filter((test) => test.status !== 'failed'),
  );
  for (const test of job.tests) {
    if (!pools.has(test.pool))
      pools.set(test.pool, (await store.getPool(job.workspace, test.pool))?.secrets ?? []);
    const result = results.get(testId(test));
    tests.push({
      pool: test.pool,
      suite: test.suite,
      test: test.test,
      status: test.status,
      reason: test.reason,
      values: result?.rows ?? [],
      secrets: pools.get(test.pool) ?? [],
    });
  }
  return {
    jobId: job.id,
    dryRun: false,
    cached,
    state: job.state,
    namespace: job.namespace,
    expiresAt: job.expiresAt,
    allocated: job.allocated,
    made: job.made,
    reused: job.cached,
    failed: job.failed,
    tests,
    forecast: [],
  };
}

function dryRunReport(
  resolved: ResolvedTest[],
  errors: Map<Resolved, string>,
  plan: Plan,
  namespace: string,
): JobReport {
  const tests: TestOutcome[] = resolved.map((entry) => {
    const found = entry.error === null ? plan.tests.get(entry) : undefined;
    const reason = entry.error ?? errors.get(entry) ?? plan.failures.get(entry) ?? null;
    const status = found !== undefined ? 'allocated' : reason === null ? 'made' : 'failed';
    return { ...entry.ref, status, reason, values: [], secrets: entry.pool?.secrets ?? [] };
  });
  const count = (status: string) => tests.filter((t) => t.status === status).length;
  return {
    jobId: null,
    dryRun: true,
    cached: false,
    state: count('failed') > 0 ? 'failed' : 'complete',
    namespace,
    expiresAt: null,
    allocated: count('allocated'),
    made: count('made'),
    reused: 0,
    failed: count('failed'),
    tests,
    forecast: forecastClasses(
      [...plan.matched.keys()],
      plan.claims,
      plan.matched,
      plan.makesNeeded,
    ),
  };
}
