import type { CatalogueRecord, CatalogueStore } from '@allot/core';

/** Who deletes, and whether over someone else's lock (an admin's act). */
export interface CatalogueRecordDeleter {
  actor: string;
  now: Date;
  force?: boolean;
}

/** Deletes every version of a catalogue record already read, in the actor's name; the versions deleted. */
export function deleteCatalogueRecord(
  store: CatalogueStore,
  record: Pick<CatalogueRecord, 'kind' | 'workspace' | 'project' | 'name'>,
  by: CatalogueRecordDeleter,
): Promise<number> {
  const { kind, workspace, project, name } = record;
  const force = by.force === true ? { force: true } : {};
  return store.deleteCatalogue(
    { kind, workspace, project, name, actor: by.actor, ...force },
    by.now,
  );
}
