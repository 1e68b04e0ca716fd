import type { RowValues } from '../model/block-version.js';
import type { CandidateQuery, JobStore } from '../store/store.js';
import type { FindClass } from './find-classes.js';
import type { BlockClaims } from './scan-candidates.js';

/** A class's rows as the store gathered them. */
export interface Gathered {
  /** Its free qualifying rows, in row order. */
  rows: RowValues[];
  /** Every free qualifying row: the store was asked for all, or found fewer than it was asked. */
  complete: boolean;
}

/** What {@link gatherInStore} needs besides the classes. */
export interface GatherContext {
  store: JobStore;
  workspace: string;
  now: Date;
  /** Rows every class needs at most: the bundle's whole demand. */
  limit: number;
}

/**
 * Asks a store that can filter rows itself for each data block class's free
 * qualifying rows. Classes the store cannot filter (and query finds, whose
 * rows come from a resolution server) are left out: the engine scans those
 * in memory. A class with an order gets every qualifying row, since the
 * order is applied in memory. Every find is asked in one call, so a store
 * can answer the finds of one block version with one statement.
 */
export async function gatherInStore(
  classes: readonly FindClass[],
  context: GatherContext,
): Promise<Map<FindClass, Gathered>> {
  const gathered = new Map<FindClass, Gathered>();
  if (context.store.gatherCandidates === undefined) return gathered;
  const asked = classes.filter((cls) => cls.find.query === undefined);
  if (asked.length === 0) return gathered;
  const queries = asked.map((cls) => {
    const { block, keyIndex } = cls.source;
    const query: CandidateQuery = {
      block: block.block,
      version: block.version,
      where: cls.find.where,
      columns: block.columns,
      keyIndex,
      readOnly: cls.readOnly,
      now: context.now,
    };
    if (cls.order === null) query.limit = context.limit;
    return query;
  });
  const answers = await context.store.gatherCandidates(context.workspace, queries);
  asked.forEach((cls, index) => {
    const rows = answers[index];
    const limit = queries[index]?.limit;
    if (rows === undefined) return;
    gathered.set(cls, { rows, complete: limit === undefined || rows.length < limit });
  });
  return gathered;
}

/**
 * The rows a class's census needs, without reading its whole block: the
 * free rows the store gathered, when it gathered all of them, and the rows
 * that leases and consumption hold, read by key (the census filters them).
 * Undefined when the store cannot give them: the census then scans the block.
 */
export async function censusRows(
  cls: FindClass,
  gathered: Gathered | undefined,
  claims: BlockClaims,
  context: Pick<GatherContext, 'store' | 'workspace'>,
): Promise<RowValues[] | undefined> {
  const { store, workspace } = context;
  if (gathered === undefined || !gathered.complete || store.rowsByKey === undefined) return;
  const keys = [...new Set([...claims.leases.keys(), ...claims.consumed])];
  const held =
    keys.length === 0
      ? []
      : await store.rowsByKey(workspace, cls.source.block, cls.source.keyIndex, keys);
  const heldKeys = new Set(held.map((row) => String(row[cls.source.keyIndex])));
  // A row leased since the store gathered it is counted once, as held.
  const free = gathered.rows.filter((row) => !heldKeys.has(String(row[cls.source.keyIndex])));
  return [...free, ...held];
}
