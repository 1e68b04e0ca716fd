import { PoolValidationError } from '../errors.js';
import type { ParsedPoolFile } from '../pool/parse-pool-file.js';
import { withLines } from '../pool/with-lines.js';
import type { BlockStore } from '../store/store.js';
import { checkPoolColumns } from './check-pool-columns.js';

/**
 * Checks the columns a parsed pool file names against the blocks in the
 * store, and fails as a pool file fails: each problem with its path and its
 * line in the file.
 *
 * @throws PoolValidationError naming `file` when a column is unknown
 */
export async function checkPoolFileColumns(
  store: BlockStore,
  workspace: string,
  source: ParsedPoolFile,
  file: string,
): Promise<void> {
  const issues = await checkPoolColumns(store, workspace, source.pool);
  if (issues.length > 0) throw new PoolValidationError(file, withLines(issues, source.lineOf));
}
