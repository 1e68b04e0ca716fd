import {
  AllotError,
  WORKSET_KIND,
  validateWorkset,
  validateWorksetName,
  type CatalogueRecord,
  type ProjectRecord,
  type Store,
} from '@allot/core';
import { nameIn } from './assembly-catalogue.js';
import { WORKSET_CHANGE_ROLE, assertAssemblyRole, type AssemblyCaller } from './assembly-role.js';
import { checkWorksetRefs, worksetRequirements } from './check-workset-refs.js';

/**
 * Creates a workset (version 1.0) from TDO's `entity`: a name ending in
 * `_workset`, a scenario, a primary view and data set, further views.
 * `ALREADY_EXISTS` when the project has a workset of that name;
 * `PROJECT_ACCESS` for a caller below {@link WORKSET_CHANGE_ROLE}.
 */
export async function createWorkset(
  store: Store,
  project: ProjectRecord,
  entity: unknown,
  caller: AssemblyCaller,
  now: Date,
): Promise<CatalogueRecord> {
  assertAssemblyRole(caller, WORKSET_CHANGE_ROLE, 'creating a workset');
  const name = validateWorksetName((entity as { name?: unknown } | null)?.name);
  const body = validateWorkset(entity);
  if ((await store.getCatalogueByName(nameIn(project, WORKSET_KIND, name))) !== undefined)
    throw new AllotError('ALREADY_EXISTS', `entity.name: a workset "${name}" already exists`, {
      field: 'entity.name',
    });
  await checkWorksetRefs(store, project, body);
  return store.putCatalogue(
    {
      ...nameIn(project, WORKSET_KIND, name),
      body,
      actor: caller.user,
      keepId: true,
      requires: await worksetRequirements(store, project, body),
      expectedVersion: null,
    },
    now,
  );
}
