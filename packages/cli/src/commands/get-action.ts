import {
  DEFAULT_WORKSPACE,
  type JobStore,
  type PoolStore,
  type ResultRecord,
  type TestRef,
} from '@allot/core';
import { findPool, findResult, listPools } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import { CommandFailure } from '../exit-codes.js';
import { withStore } from '../with-store.js';

/** `allot get`: prints a test's allocated values, or says why it has none. */
export async function getAction(
  cli: CliContext,
  ref: TestRef,
  options: { all?: boolean },
): Promise<void> {
  const result = await withStore(cli.store(), async (store) => {
    const found = await findResult(store, DEFAULT_WORKSPACE, ref);
    if (found === undefined) throw new CommandFailure(await whyMissing(store, ref));
    return found;
  });
  cli.io.stdout.write(JSON.stringify(valuesOf(result, options.all === true), null, 2) + '\n');
}

/** What a test reads: its row's `{column: value}`, or every row when it asked for several. */
function valuesOf(result: ResultRecord, all: boolean): unknown {
  if (all) return result;
  return result.rows.length === 1 ? result.rows[0] : result.rows;
}

async function whyMissing(store: JobStore & PoolStore, ref: TestRef): Promise<string> {
  const pool = await findPool(store, DEFAULT_WORKSPACE, ref.pool);
  if (pool === undefined) {
    const known = (await listPools(store, DEFAULT_WORKSPACE)).map((p) => p.name);
    const hint =
      known.length === 0
        ? 'no pools exist yet: run `allot run <pool file>` first'
        : `known pools: ${known.join(', ')}`;
    return `pool "${ref.pool}" is unknown (${hint})`;
  }
  const defined = pool.tests.some((t) => t.suite === ref.suite && t.test === ref.test);
  if (!defined) return `pool "${ref.pool}" has no test "${ref.test}" in suite "${ref.suite}"`;
  return `test "${ref.test}" of suite "${ref.suite}" in pool "${ref.pool}" was not allocated: run \`allot run\` on its pool file (or see why it failed)`;
}
