import type { RowValues } from '../model/block-version.js';
import { rowId, type ClaimState, type JobCommit } from '../model/job-record.js';
import { jobTestIndex } from '../job-test-index.js';
import type { FindClass, Resolved } from './find-classes.js';
import { firstLimit, widerLimit } from './candidate-limits.js';
import { gatherInStore, readAllocatedValues, type Gathered } from './gather-in-store.js';
import type { JobRun } from './job-run.js';
import { liveHolders } from './live-holders.js';
import { claimsByBlock } from './scan-candidates.js';
import { demandOf, planAllocation } from './plan-allocation.js';
import { runMakes } from './run-makes.js';
import { shortfalls } from './shortfalls.js';

/** The outcome of one attempt: each pending test's rows, or why it has none. */
export interface JobPlan {
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

/**
 * Plans one attempt of a job: reads the claims, matches rows to the run's
 * classes, explains shortfalls and, unless it is a dry run, runs the makes
 * of the tests left without rows.
 */
export async function planJob(run: JobRun, now: Date): Promise<JobPlan> {
  const blocks = [...new Set(run.classes.map((c) => c.source.block.block))];
  const claims = await run.store.claimState(run.workspace, blocks, now);
  if (run.options.refresh) await ignoreOwnLeases(run, claims, now);
  const total = run.classes.length;
  run.progress({ phase: 'candidates', done: 0, total });
  // A refresh sets some of its own leases aside, which only the in-memory scan knows of;
  // a dry run counts every find's rows.
  const inStore = !run.options.refresh && !run.options.dryRun;
  const demand = run.classes.reduce((sum, cls) => sum + demandOf(cls), 0);
  const limits = new Map(run.classes.map((cls) => [cls, firstLimit(demandOf(cls), demand)]));
  const gatherContext = { store: run.store, workspace: run.workspace, now, limit: demand, limits };
  const gathered = inStore
    ? await gatherInStore(run.classes, gatherContext)
    : new Map<FindClass, Gathered>();
  await Promise.all(
    run.classes.filter((cls) => !gathered.has(cls)).map((cls) => cls.source.read()),
  );
  const claimsOf = claimsByBlock(claims);
  const allocate = () =>
    planAllocation(run.classes, claimsOf, {
      onClass: (done) => run.progress({ phase: 'candidates', done, total }),
      gathered,
      limits,
    });
  let allocation = allocate();
  // Lists cut too short for a maximal matching grow (each time fourfold, up to the whole
  // demand) and the matching runs again: the same rows whether the store gathered them or not.
  while (allocation.widen.length > 0) {
    for (const cls of allocation.widen)
      limits.set(cls, widerLimit(limits.get(cls) ?? demand, demand));
    const again = allocation.widen.filter((cls) => gathered.has(cls));
    for (const [cls, found] of await gatherInStore(again, gatherContext)) gathered.set(cls, found);
    allocation = allocate();
  }
  // The store may have named the candidates by key only: the rows kept are read now.
  await readAllocatedValues(allocation.rows.values(), run);
  run.progress({ phase: 'matching', done: 1, total: 1 });
  const plan: JobPlan = {
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
      hooks: run.options.makeHooks,
      onWait: (message) =>
        run.progress({ phase: 'makes', done: 0, total: unmatched.length, message }),
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

/** A refresh replaces the tests' own live leases: those rows are theirs to take again. */
async function ignoreOwnLeases(run: JobRun, claims: ClaimState, now: Date): Promise<void> {
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
