import type { CandidateQuery, Store } from '../store/store.js';
import type { FindClass } from './find-classes.js';

/** What {@link gatherInStore} needs besides the classes. */
export interface GatherContext {
  store: Store;
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
): Promise<Map<FindClass, number[]>> {
  const gathered = new Map<FindClass, number[]>();
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
    if (rows !== undefined) gathered.set(cls, rows);
  });
  return gathered;
}
