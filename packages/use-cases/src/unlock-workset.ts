import { WORKSET_KIND, type CatalogueRecord, type ProjectRecord, type Store } from '@allot/core';
import { recordById } from './assembly-catalogue.js';

/**
 * Removes the lock an assembly placed on a workset: by its holder, or by an
 * admin whoever holds it (`CATALOGUE_LOCKED` naming the holder otherwise).
 * A free workset stays free.
 */
export async function unlockWorkset(
  store: Store,
  project: ProjectRecord,
  id: string,
  caller: { user: string; admin: boolean },
  now: Date,
): Promise<CatalogueRecord> {
  const record = await recordById(store, project, WORKSET_KIND, id);
  return store.unlockCatalogue(
    project.workspace,
    record.id,
    { holder: caller.user, force: caller.admin },
    now,
  );
}
