import { AllotError } from '../errors.js';

/**
 * The index of a column in a block's columns.
 *
 * @param path - where the column is named (e.g. `tests[3].find.where.balance`), for the message
 * @throws AllotError `UNKNOWN_COLUMN` listing the columns the block has
 */
export function resolveColumn(columns: readonly string[], column: string, path: string): number {
  const index = columns.indexOf(column);
  if (index === -1) {
    throw new AllotError(
      'UNKNOWN_COLUMN',
      `${path}: unknown column "${column}"; the block has columns: ${columns.join(', ')}`,
      { column, columns: [...columns], path },
    );
  }
  return index;
}
