import { WORKSET_KIND, type ProjectRecord, type Store } from '@allot/core';
import { nameIn, recordById } from './assembly-catalogue.js';

/**
 * Deletes every version of a workset (an admin's act: the caller checks
 * the role), lock or not. The data blocks its assemblies wrote stay.
 * `NOT_FOUND` for an unknown id.
 */
export async function deleteWorkset(
  store: Store,
  project: ProjectRecord,
  id: string,
  actor: string,
  now: Date,
): Promise<number> {
  const record = await recordById(store, project, WORKSET_KIND, id);
  return store.deleteCatalogue(
    { ...nameIn(project, WORKSET_KIND, record.name), actor, force: true },
    now,
  );
}
