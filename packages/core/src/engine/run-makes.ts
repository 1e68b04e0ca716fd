import { AllotError } from '../errors.js';
import { makeRows } from '../make/make-rows.js';
import { SequenceState } from '../make/sequence-state.js';
import type { BlockVersion, NewBlockVersion, RowValues } from '../model/block-version.js';
import { isSqlMake } from '../model/pool-definition.js';
import type { BlockStore } from '../store/store.js';
import type { FindClass, Resolved } from './find-classes.js';
import type { MakeHooks } from './make-hooks.js';
import { makeOnServer } from './make-on-server.js';
import type { ResolutionDatabase } from './resolution-database.js';

/** Per made block: the latest version, its keys and sequences, and the rows made so far. */
interface MadeBlock {
  block: BlockVersion;
  keyIndex: number;
  keys: Set<string>;
  sequences: SequenceState;
  rows: RowValues[];
}

export interface MakeContext {
  store: BlockStore;
  workspace: string;
  jobId: string;
  namespace: string;
  seed: string;
  server: ResolutionDatabase | undefined;
  hooks?: MakeHooks | undefined;
  /** Says why a make waits (its quota). */
  onWait?: (message: string) => void;
}

export interface MakeOutcome {
  /** Rows made per test, in the made block's columns. */
  rows: Map<Resolved, { block: string; keyIndex: number; columns: string[]; values: RowValues[] }>;
  /** Tests whose make failed, with the reason. */
  errors: Map<Resolved, string>;
  /** The new block versions to commit with the job. */
  versions: NewBlockVersion[];
}

/**
 * Runs the makes of tests the matching left without rows. Made rows must
 * satisfy the test's own find (a make that cannot is a failure, not a
 * silent mismatch) and never repeat a key of their block.
 */
export async function runMakes(
  context: MakeContext,
  tests: Array<{ item: Resolved; cls: FindClass }>,
): Promise<MakeOutcome> {
  const outcome: MakeOutcome = { rows: new Map(), errors: new Map(), versions: [] };
  const blocks = new Map<string, MadeBlock>();
  for (const { item, cls } of tests) {
    const make = item.test.make;
    if (make === undefined) continue;
    try {
      if (isSqlMake(make)) {
        outcome.rows.set(item, await makeOnServer(context, item, make));
        continue;
      }
      const name = make.block ?? cls.source.block.block;
      const target = blocks.get(name) ?? (await openMadeBlock(context, name, item.pool.key));
      blocks.set(name, target);
      const ends = await permits(context, item, make);
      ends.forEach((end) => end());
      const values = makeRows({
        make,
        columns: target.block.columns,
        keyColumn: item.pool.key,
        count: item.test.count,
        existingKeys: target.keys,
        sequences: target.sequences,
        context: { jobId: context.jobId, namespace: context.namespace, ...item.ref },
        seed: `${context.seed}/${String(make.seed ?? '')}`,
      });
      assertSatisfiesFind(cls, target.block, values);
      target.rows.push(...values);
      await context.hooks?.made({
        ref: item.ref,
        make,
        block: name,
        keyIndex: target.keyIndex,
        columns: target.block.columns,
        values,
        server: null,
      });
      outcome.rows.set(item, {
        block: name,
        keyIndex: target.keyIndex,
        columns: target.block.columns,
        values,
      });
    } catch (error) {
      outcome.errors.set(item, error instanceof AllotError ? error.message : String(error));
    }
  }
  for (const [name, made] of blocks) {
    if (made.rows.length === 0) continue;
    outcome.versions.push({
      block: name,
      columns: made.block.columns,
      keyColumn: made.block.keyColumn,
      rows: made.rows,
      origin: 'make',
      jobId: Number(context.jobId) || null,
    });
  }
  return outcome;
}

/** A data block make's rows are made at once: it waits for a permit per row first. */
async function permits(
  context: MakeContext,
  item: Resolved,
  make: NonNullable<Resolved['test']['make']>,
): Promise<Array<() => void>> {
  const ends: Array<() => void> = [];
  if (context.hooks === undefined) return ends;
  try {
    for (let row = 0; row < item.test.count; row++)
      ends.push(await context.hooks.permit(item.ref, make, context.onWait ?? (() => undefined)));
  } catch (error) {
    ends.forEach((end) => end());
    throw error;
  }
  return ends;
}

async function openMadeBlock(
  context: MakeContext,
  name: string,
  keyColumn: string,
): Promise<MadeBlock> {
  const block = await context.store.getBlock(context.workspace, name);
  if (block === undefined)
    throw new AllotError('NOT_FOUND', `make: data block "${name}" does not exist`);
  const keyIndex = block.columns.indexOf(keyColumn);
  if (keyIndex < 0) {
    throw new AllotError(
      'UNKNOWN_COLUMN',
      `make: data block "${name}" has no key column "${keyColumn}"`,
    );
  }
  return {
    block,
    keyIndex,
    keys: new Set(block.rows.map((row) => String(row[keyIndex]))),
    sequences: new SequenceState(block),
    rows: [],
  };
}

function assertSatisfiesFind(cls: FindClass, target: BlockVersion, rows: RowValues[]): void {
  const sameShape =
    target.block === cls.source.block.block &&
    target.columns.join('\u0000') === cls.source.block.columns.join('\u0000');
  if (!sameShape) return;
  if (rows.every((row) => cls.matches(row))) return;
  throw new AllotError(
    'MAKE_FAILED',
    `the make produced a row that does not satisfy the find (${cls.description}); make its columns meet the criteria`,
  );
}
