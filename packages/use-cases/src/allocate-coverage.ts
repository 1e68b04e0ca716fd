import type {
  BlockStore,
  CatalogueStore,
  CoverageCombination,
  PoolDefinition,
  PoolStore,
  ProjectStore,
  RowObject,
} from '@allot/core';
import type { CoverageSetRef } from './coverage-records.js';
import { executeBundle, type ExecuteStore } from './execute-bundle.js';
import {
  planCoverageAllocation,
  type CoverageAllocationPlan,
  type CoverageAllocationRequest,
  type ExistingRowsCoverage,
} from './plan-coverage-allocation.js';
import { putPool } from './put-pool.js';

/** How one combination (or chosen row) of a coverage allocation fared. */
export interface CoverageOutcome {
  test: string;
  /** `allocated` (an existing row), `made`, `cached` (rows of a live earlier job), `failed`, or `running`. */
  status: string;
  /** For a failure: why no row came, as the engine says it. */
  reason: string | null;
  combination?: CoverageCombination;
  /** In `existing-rows` mode: the row chosen for the tuples it covers. */
  row?: RowObject;
}

/** What a coverage allocation did, per combination. */
export interface CoverageAllocationReport {
  coverageSet: CoverageSetRef;
  calculation: string;
  mode: CoverageAllocationPlan['mode'];
  /** The pool holding the allocation's tests: results are read from it as from any pool. */
  pool: string;
  dryRun: boolean;
  jobId: number | null;
  state: string;
  allocated: number;
  made: number;
  failed: number;
  outcomes: CoverageOutcome[];
  existing?: ExistingRowsCoverage;
}

/** A test's outcome as a job reports it. */
export interface JobTestOutcome {
  test: string;
  status: string;
  reason: string | null;
}

/**
 * The report of a coverage allocation from its plan and the job's tests:
 * each combination's test with how it fared. Tests the job has not
 * reported yet are `running`.
 */
export function coverageAllocationReport(
  plan: CoverageAllocationPlan,
  job: { id: number | null; state: string; dryRun: boolean; tests: readonly JobTestOutcome[] },
): CoverageAllocationReport {
  const byTest = new Map(job.tests.map((t) => [t.test, t]));
  const outcomes = plan.entries.map((entry): CoverageOutcome => {
    const outcome = byTest.get(entry.test);
    return {
      ...entry,
      status: outcome?.status ?? 'running',
      reason: outcome?.reason ?? null,
    };
  });
  const count = (status: string) => outcomes.filter((o) => o.status === status).length;
  return {
    coverageSet: plan.data.coverageSet,
    calculation: plan.data.calculation,
    mode: plan.mode,
    pool: plan.pool.name,
    dryRun: job.dryRun,
    jobId: job.id,
    state: job.state,
    allocated: count('allocated') + count('cached'),
    made: count('made'),
    failed: count('failed'),
    outcomes,
    ...(plan.existing === undefined ? {} : { existing: plan.existing }),
  };
}

/** Options of {@link allocateCoverage} beyond what to allocate. */
export interface AllocateCoverageOptions {
  /** Plan and report without storing the pool or committing a job. */
  dryRun?: boolean;
  ttlSeconds?: number;
  seed?: string;
  clock?: () => Date;
}

/**
 * Allocates a calculated coverage in this process (the CLI's embedded
 * store, tests): plans it with {@link planCoverageAllocation}, stores its
 * pool and runs it as one job through the engine. A dry run stores nothing:
 * the engine reads the planned pool instead of the store's.
 */
export async function allocateCoverage(
  store: ExecuteStore & PoolStore & ProjectStore & CatalogueStore & BlockStore,
  request: CoverageAllocationRequest,
  options: AllocateCoverageOptions = {},
): Promise<CoverageAllocationReport> {
  const plan = await planCoverageAllocation(store, request);
  const dryRun = options.dryRun === true;
  if (!dryRun) await putPool(store, request.workspace, plan.pool);
  const report = await executeBundle(dryRun ? withPool(store, plan.pool) : store, {
    tests: plan.tests,
    workspace: request.workspace,
    dryRun,
    ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  return coverageAllocationReport(plan, {
    id: report.jobId,
    state: report.state,
    dryRun,
    tests: report.tests,
  });
}

/**
 * The store as the engine reads it, with the planned pool in place of the
 * stored one: a dry run resolves its tests without writing the pool.
 */
export function withPool<S extends PoolStore>(store: S, pool: PoolDefinition): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'getPool') {
        return (workspace: string, name: string) =>
          name === pool.name ? Promise.resolve(pool) : target.getPool(workspace, name);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      // Methods run on the store itself, whose private fields a proxy does not have.
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
