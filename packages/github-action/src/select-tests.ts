import type { TestRef } from '@allot/core';
import type { RequestedTest } from './requested-test.js';

/** The bundle of a job, and the requested tests no pool defines. */
export interface Selection {
  bundle: TestRef[];
  missing: RequestedTest[];
}

/** What selection reads of a pool: its name and the names of its tests. */
export interface PoolTests {
  name: string;
  tests: ReadonlyArray<{ suite: string; test: string }>;
}

/** Every test of every pool, in file order: the job when nothing narrows it. */
export function allTests(pools: readonly PoolTests[]): Selection {
  return {
    bundle: pools.flatMap((pool) =>
      pool.tests.map((t) => ({ pool: pool.name, suite: t.suite, test: t.test })),
    ),
    missing: [],
  };
}

/**
 * Looks requested tests up in the pools: a test naming a pool (or with a
 * default pool) must be defined in that pool; one naming none is taken from
 * every pool defining its suite and test. Tests found nowhere are missing.
 */
export function selectTests(
  requested: readonly RequestedTest[],
  pools: readonly PoolTests[],
  defaultPool: string | undefined,
): Selection {
  const defined = new Map<string, string[]>();
  for (const pool of pools)
    for (const t of pool.tests) {
      const key = nameKey(t.suite, t.test);
      defined.set(key, [...(defined.get(key) ?? []), pool.name]);
    }
  const bundle: TestRef[] = [];
  const seen = new Set<string>();
  const missing: RequestedTest[] = [];
  for (const request of requested) {
    const holders = defined.get(nameKey(request.suite, request.test)) ?? [];
    const pool = request.pool ?? defaultPool;
    const found = pool === undefined ? holders : holders.filter((name) => name === pool);
    if (found.length === 0) {
      missing.push(pool === undefined ? request : { ...request, pool });
      continue;
    }
    for (const name of found) {
      const key = `${name}\u0000${nameKey(request.suite, request.test)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      bundle.push({ pool: name, suite: request.suite, test: request.test });
    }
  }
  return { bundle, missing };
}

function nameKey(suite: string, test: string): string {
  return `${suite}\u0000${test}`;
}
