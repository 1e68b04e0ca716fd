import {
  AssemblyInputError,
  WORKSET_KIND,
  dataViewsAt,
  validateWorkset,
  type CatalogueRecord,
  type ProjectRecord,
  type Store,
  type WorksetBody,
} from '@allot/core';
import { nameIn, recordById } from './assembly-catalogue.js';
import { WORKSET_CHANGE_ROLE, assertAssemblyRole, type AssemblyCaller } from './assembly-role.js';
import { checkWorksetRefs, worksetRequirements } from './check-workset-refs.js';

/**
 * Updates a workset from TDO's `entity`: `id`, and whichever of
 * `scenario`, `primary` and `dataViews` change (`dataViews` replaces the
 * list). The new version keeps the id: 1.0 → 1.1. An update that changes
 * nothing is refused, as TDO refuses it.
 * `PROJECT_ACCESS` for a caller below {@link WORKSET_CHANGE_ROLE}.
 */
export async function updateWorkset(
  store: Store,
  project: ProjectRecord,
  entity: unknown,
  caller: AssemblyCaller,
  now: Date,
): Promise<CatalogueRecord> {
  assertAssemblyRole(caller, WORKSET_CHANGE_ROLE, 'updating a workset');
  const given = (typeof entity === 'object' && entity !== null ? entity : {}) as Record<
    string,
    unknown
  >;
  if (typeof given.id !== 'string' || given.id === '')
    throw new AssemblyInputError('entity.id', 'must be the id of the workset to update');
  const current = await recordById(store, project, WORKSET_KIND, given.id);
  const before = current.body as WorksetBody;
  const merged = validateWorkset({
    scenario: given.scenario ?? before.scenario,
    primary: given.primary ?? before.primary,
    dataViews: [],
  });
  const body: WorksetBody = {
    ...merged,
    dataViews:
      given.dataViews === undefined
        ? before.dataViews
        : dataViewsAt(given.dataViews, merged.primary),
  };
  if (JSON.stringify(body) === JSON.stringify(before))
    throw new AssemblyInputError(
      'entity',
      'changes nothing: name a scenario, primary or dataViews that differ',
    );
  await checkWorksetRefs(store, project, body);
  return store.putCatalogue(
    {
      ...nameIn(project, WORKSET_KIND, current.name),
      body,
      actor: caller.user,
      keepId: true,
      requires: await worksetRequirements(store, project, body),
      expectedVersion: current.version,
    },
    now,
  );
}
