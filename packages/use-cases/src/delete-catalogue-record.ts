import type { CatalogueRecord, CatalogueStore } from '@allot/core';

/** Deletes every version of a catalogue record already read, in the actor's name; the versions deleted. */
export function deleteCatalogueRecord(
  store: CatalogueStore,
  record: Pick<CatalogueRecord, 'kind' | 'workspace' | 'project' | 'name'>,
  actor: string,
  now: Date,
): Promise<number> {
  const { kind, workspace, project, name } = record;
  return store.deleteCatalogue({ kind, workspace, project, name, actor }, now);
}
