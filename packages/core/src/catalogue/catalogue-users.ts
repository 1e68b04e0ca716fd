import { CatalogueInUseError } from './catalogue-errors.js';
import type { CatalogueDelete, CatalogueRecord, CatalogueUsers } from './catalogue-record.js';

/** The users a delete is refused for, as a list (none when it names none). */
export function catalogueUsersOf(target: CatalogueDelete): readonly CatalogueUsers[] {
  const users = target.unlessUsedBy;
  if (users === undefined) return [];
  return Array.isArray(users) ? users : [users as CatalogueUsers];
}

/**
 * Refuses a delete while one of `candidates` (records of the users' kinds
 * in the target's project, read in the delete's atomic step) uses the
 * target.
 *
 * @throws {@link CatalogueInUseError} `IN_USE` naming the first user (users in their given order).
 */
export function assertNotUsed(
  target: CatalogueDelete,
  candidates: Iterable<CatalogueRecord>,
): void {
  const records = [...candidates];
  for (const users of catalogueUsersOf(target))
    for (const record of records)
      if (
        record.kind === users.kind &&
        record.workspace === target.workspace &&
        record.project === target.project &&
        users.uses(record.body)
      )
        throw new CatalogueInUseError(target, record);
}
