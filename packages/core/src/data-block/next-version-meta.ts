import { AllotError } from '../errors.js';
import type { BlockVersionMeta, NewBlockVersion } from '../model/block-version.js';
import { newRowCount } from './new-version-rows.js';
import { nextVersion } from './next-version.js';

/**
 * The metadata of the version a new import or make adds after `latest`: an
 * import starts afresh; a make appends to the latest version and keeps its
 * columns and key. Every store adapter numbers versions through this.
 */
export function nextVersionMeta(
  input: NewBlockVersion,
  latest: BlockVersionMeta | undefined,
  now: Date,
): BlockVersionMeta {
  const parent = input.origin === 'make' ? (latest ?? null) : null;
  if (input.origin === 'make' && parent === null) {
    throw new AllotError('NOT_FOUND', `data block "${input.block}" does not exist`, {
      block: input.block,
    });
  }
  const columns = parent?.columns ?? input.columns;
  // A version given by column is written from its table's own names: they must be the version's.
  const given = input.table?.columns;
  if (
    given !== undefined &&
    (given.length !== columns.length || given.some((c, i) => c !== columns[i]))
  )
    throw new AllotError(
      'INVALID_INPUT',
      `the table's columns (${given.join(', ')}) are not the version's (${columns.join(', ')})`,
      { block: input.block, field: 'table' },
    );
  return {
    block: input.block,
    version: nextVersion(latest?.version ?? null),
    columns,
    keyColumn: parent?.keyColumn ?? input.keyColumn,
    rowCount: (parent?.rowCount ?? 0) + newRowCount(input),
    origin: input.origin,
    parent: parent?.version ?? null,
    sourceHash: input.sourceHash ?? null,
    jobId: input.jobId ?? null,
    createdAt: now.toISOString(),
  };
}
