import { newRows } from '../data-block/new-version-rows.js';
import type { BlockVersion } from '../model/block-version.js';
import type { JobCommit } from '../model/job-record.js';
import { duplicateKeyError, firstRepeatedKey } from './store-errors.js';

/** Reads the latest version of a block, with its rows. */
export type LatestBlock = (workspace: string, block: string) => Promise<BlockVersion | undefined>;

/**
 * Refuses a commit whose made rows repeat a key, among themselves or with
 * the rows their block already has, so a key keeps naming one row.
 *
 * @throws {@link AllotError} `DUPLICATE_KEY` naming the block and the key.
 */
export async function checkMadeKeys(commit: JobCommit, getBlock: LatestBlock): Promise<void> {
  for (const made of commit.madeRows) {
    const block = await getBlock(commit.workspace, made.block);
    const keyColumn = block?.keyColumn ?? made.keyColumn;
    if (block === undefined || keyColumn === null) continue;
    const index = block.columns.indexOf(keyColumn);
    const keys = new Set(block.rows.map((row) => String(row[index])));
    const repeated = firstRepeatedKey(
      newRows(made).map((row) => String(row[index])),
      keys,
    );
    if (repeated !== undefined) throw duplicateKeyError(made.block, keyColumn, repeated);
  }
}
