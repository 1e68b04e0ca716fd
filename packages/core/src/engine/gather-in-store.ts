import { AllotError } from '../errors.js';
import type { RowValues } from '../model/block-version.js';
import { resolveColumn } from '../find/resolve-column.js';
import type { CandidateQuery, JobStore } from '../store/store.js';
import type { BlockSource, FindClass } from './find-classes.js';
import type { UniverseRow } from './row-universe.js';
import type { BlockClaims, CensusRows } from './scan-candidates.js';

/** A class's rows as the store gathered them. */
export interface Gathered {
  /**
   * Its free qualifying rows, in row order: with every value, or (when the
   * store offers `rowsByKey`) only the key's and those the class's order
   * reads, the rest read by {@link readAllocatedValues} for the rows allocated.
   */
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
  /** Rows each class is asked for, when fewer than `limit` (see `firstLimit`). */
  limits?: ReadonlyMap<FindClass, number> | undefined;
}

/**
 * Asks a store that can filter rows itself for each data block class's free
 * qualifying rows. Classes the store cannot filter (and query finds, whose
 * rows come from a resolution server) are left out: the engine scans those
 * in memory. A class is asked for its limit in `limits` (its own share,
 * widened by the caller when the matching needs more); a class with an
 * order gets every qualifying row, since the order is applied in memory. Every find is asked in one call, so a store
 * can answer the finds of one block version with one statement. When the
 * store can read rows by key, it is asked for no values but the key's and
 * the order's: the matching needs only which rows each find has.
 */
export async function gatherInStore(
  classes: readonly FindClass[],
  context: GatherContext,
): Promise<Map<FindClass, Gathered>> {
  const gathered = new Map<FindClass, Gathered>();
  if (context.store.gatherCandidates === undefined) return gathered;
  const asked = classes.filter((cls) => cls.find.query === undefined);
  if (asked.length === 0) return gathered;
  const byKey = context.store.rowsByKey !== undefined;
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
    if (cls.order === null)
      query.limit = Math.min(context.limit, context.limits?.get(cls) ?? context.limit);
    if (byKey) {
      const cells = orderCells(cls);
      // Every cell but the key is the whole row: asked whole, so a row by key always has a hole.
      if (new Set([keyIndex, ...cells]).size < block.columns.length) query.cells = cells;
    }
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

/** The columns a class's order compares, by index (already validated when the class was built). */
function orderCells(cls: FindClass): number[] {
  const { columns } = cls.source.block;
  return (cls.find.order ?? []).map((entry) => resolveColumn(columns, entry.column, 'order'));
}

/**
 * The rows a class's census needs, without reading its whole block: the
 * free rows the store gathered, when it gathered all of them (by key: the
 * store filtered them, so they qualify), and the rows that leases and
 * consumption hold, read by key (the census filters them). Undefined when
 * the store cannot give them: the census then scans the block.
 */
export async function censusRows(
  cls: FindClass,
  gathered: Gathered | undefined,
  claims: BlockClaims,
  context: Pick<GatherContext, 'store' | 'workspace'>,
): Promise<CensusRows | undefined> {
  const { store, workspace } = context;
  if (gathered === undefined || !gathered.complete || store.rowsByKey === undefined) return;
  const keys = [...new Set([...claims.leases.keys(), ...claims.consumed])];
  const held =
    keys.length === 0
      ? []
      : await store.rowsByKey(workspace, cls.source.block, cls.source.keyIndex, keys);
  const keyIndex = cls.source.keyIndex;
  const heldKeys = new Set(held.map((row) => String(row[keyIndex])));
  // A row leased since the store gathered it is counted once, as held.
  const free: string[] = [];
  for (const row of gathered.rows) {
    const key = String(row[keyIndex]);
    if (!heldKeys.has(key)) free.push(key);
  }
  return { rows: held, qualifyingKeys: free };
}

/**
 * Completes the values of the allocated rows that a store gathered by key
 * only (some cell left out), with one `rowsByKey` per block version: the
 * store names every candidate, but gives the values of the rows the job
 * keeps alone. Rows given in full are left as they are.
 * @returns how many rows were read
 */
export async function readAllocatedValues(
  allocated: Iterable<readonly UniverseRow[]>,
  context: Pick<GatherContext, 'store' | 'workspace'>,
): Promise<number> {
  const { store, workspace } = context;
  const bySource = new Map<BlockSource, UniverseRow[]>();
  for (const rows of allocated)
    for (const row of rows) {
      if (!leftOut(row.values)) continue;
      const list = bySource.get(row.source);
      if (list === undefined) bySource.set(row.source, [row]);
      else list.push(row);
    }
  if (bySource.size === 0 || store.rowsByKey === undefined) return 0;
  const readByKey = store.rowsByKey.bind(store);
  const counts = await Promise.all(
    [...bySource].map(async ([source, rows]) => {
      const keys = [...new Set(rows.map((row) => row.key))];
      const read = await readByKey(workspace, source.block, source.keyIndex, keys);
      const values = new Map(read.map((row) => [String(row[source.keyIndex]), row]));
      for (const row of rows) {
        const full = values.get(row.key);
        // Versions never change: only a block deleted meanwhile loses a row.
        if (full === undefined)
          throw new AllotError('NOT_FOUND', `data block ${source.label} is gone (row ${row.key})`);
        row.values = full;
      }
      return read.length;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/**
 * Whether a row has a cell the store left out: a hole. A row short of cells
 * (its missing cells read null) has none, nor has a row given whole.
 */
function leftOut(values: RowValues): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) return true;
  return false;
}
