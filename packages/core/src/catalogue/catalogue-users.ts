import { CatalogueInUseError } from './catalogue-errors.js';
import type { CatalogueDelete, CatalogueRecord } from './catalogue-record.js';

/**
 * Refuses a delete while one of `candidates` (records of the users' kind in
 * the target's project, read in the delete's atomic step) uses the target.
 *
 * @throws {@link CatalogueInUseError} `IN_USE` naming the first user.
 */
export function assertNotUsed(
  target: CatalogueDelete,
  candidates: Iterable<CatalogueRecord>,
): void {
  const users = target.unlessUsedBy;
  if (users === undefined) return;
  for (const record of candidates)
    if (
      record.kind === users.kind &&
      record.workspace === target.workspace &&
      record.project === target.project &&
      users.uses(record.body)
    )
      throw new CatalogueInUseError(target, record);
}
