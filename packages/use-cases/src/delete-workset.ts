import { WORKSET_KIND, type ProjectRecord, type Store } from '@allot/core';
import { recordById } from './assembly-catalogue.js';
import { deleteCatalogueRecord } from './delete-catalogue-record.js';
import { ASSEMBLY_DELETE_ROLE, assertAssemblyRole, type AssemblyCaller } from './assembly-role.js';

/**
 * Deletes every version of a workset, lock or not: an admin's act
 * ({@link ASSEMBLY_DELETE_ROLE}, `PROJECT_ACCESS` otherwise). The data
 * blocks its assemblies wrote stay. `NOT_FOUND` for an unknown id.
 */
export async function deleteWorkset(
  store: Store,
  project: ProjectRecord,
  id: string,
  caller: AssemblyCaller,
  now: Date,
): Promise<number> {
  assertAssemblyRole(caller, ASSEMBLY_DELETE_ROLE, 'deleting a workset');
  const record = await recordById(store, project, WORKSET_KIND, id);
  return deleteCatalogueRecord(store, record, { actor: caller.user, now, force: true });
}
