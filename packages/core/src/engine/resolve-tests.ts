import { testId, type TestRef } from '../model/job-record.js';
import type { AllocationTest, PoolDefinition } from '../model/pool-definition.js';
import type { PoolStore } from '../store/store.js';

/** A test of the bundle with its pool definition, or the reason it has none. */
export type ResolvedTest =
  | { ref: TestRef; pool: PoolDefinition; test: AllocationTest; error: null }
  | { ref: TestRef; pool: null; test: null; error: string };

/**
 * Looks up every named test in its pool. Repeated names count once; an
 * unknown pool, suite or test becomes a failure that says which one.
 */
export async function resolveTests(
  store: PoolStore,
  workspace: string,
  refs: readonly TestRef[],
): Promise<ResolvedTest[]> {
  const pools = new Map<string, PoolDefinition | undefined>();
  const indexes = new Map<PoolDefinition, Map<string, AllocationTest>>();
  const seen = new Set<string>();
  const resolved: ResolvedTest[] = [];
  for (const ref of refs) {
    const id = testId(ref);
    if (seen.has(id)) continue;
    seen.add(id);
    if (!pools.has(ref.pool)) pools.set(ref.pool, await store.getPool(workspace, ref.pool));
    const pool = pools.get(ref.pool);
    if (pool === undefined) {
      const known = (await store.listPools(workspace)).map((p) => p.name);
      resolved.push({ ref, pool: null, test: null, error: unknownPool(ref.pool, known) });
      continue;
    }
    let index = indexes.get(pool);
    if (index === undefined) {
      index = new Map(pool.tests.map((t) => [`${t.suite}\u0000${t.test}`, t]));
      indexes.set(pool, index);
    }
    const test = index.get(`${ref.suite}\u0000${ref.test}`);
    if (test === undefined) {
      resolved.push({ ref, pool: null, test: null, error: unknownTest(pool, ref) });
      continue;
    }
    resolved.push({
      ref: { pool: ref.pool, suite: ref.suite, test: ref.test },
      pool,
      test,
      error: null,
    });
  }
  return resolved;
}

function unknownPool(pool: string, known: string[]): string {
  const list = known.length === 0 ? 'there are no pools yet' : `known pools: ${known.join(', ')}`;
  return `pool "${pool}" does not exist (${list})`;
}

function unknownTest(pool: PoolDefinition, ref: TestRef): string {
  const suites = [...new Set(pool.tests.map((t) => t.suite))];
  if (!suites.includes(ref.suite)) {
    return `pool "${pool.name}" has no suite "${ref.suite}" (suites: ${suites.join(', ')})`;
  }
  const tests = pool.tests.filter((t) => t.suite === ref.suite).map((t) => t.test);
  return `suite "${ref.suite}" of pool "${pool.name}" has no test "${ref.test}" (tests: ${tests.join(', ')})`;
}
