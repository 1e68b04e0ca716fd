import {
  AllotError,
  WORKSET_KIND,
  validateWorksetName,
  type CatalogueRecord,
  type ProjectRecord,
  type Store,
  type WorksetBody,
} from '@allot/core';
import { nameIn, recordById } from './assembly-catalogue.js';
import { worksetRequirements } from './check-workset-refs.js';
import { WORKSET_CHANGE_ROLE, assertAssemblyRole, type AssemblyCaller } from './assembly-role.js';

/**
 * Copies the latest version of a workset under a new name ending in
 * `_workset`: a new id, version 1.0, no lock.
 * `PROJECT_ACCESS` for a caller below {@link WORKSET_CHANGE_ROLE}.
 */
export async function cloneWorkset(
  store: Store,
  project: ProjectRecord,
  id: string,
  name: unknown,
  caller: AssemblyCaller,
  now: Date,
): Promise<CatalogueRecord> {
  assertAssemblyRole(caller, WORKSET_CHANGE_ROLE, 'cloning a workset');
  const newName = validateWorksetName(name, 'querystring.name');
  const source = await recordById(store, project, WORKSET_KIND, id);
  if ((await store.getCatalogueByName(nameIn(project, WORKSET_KIND, newName))) !== undefined)
    throw new AllotError(
      'ALREADY_EXISTS',
      `querystring.name: a workset "${newName}" already exists`,
      {
        field: 'querystring.name',
      },
    );
  return store.putCatalogue(
    {
      ...nameIn(project, WORKSET_KIND, newName),
      body: source.body,
      actor: caller.user,
      keepId: true,
      requires: await worksetRequirements(store, project, source.body as WorksetBody),
      expectedVersion: null,
    },
    now,
  );
}
