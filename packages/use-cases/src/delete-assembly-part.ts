import {
  AllotError,
  CatalogueInUseError,
  DATA_VIEW_KIND,
  SCENARIO_KIND,
  WORKSET_KIND,
  type CatalogueStore,
  type CatalogueUsers,
  type ProjectRecord,
  type WorksetBody,
} from '@allot/core';
import { nameIn, recordByName } from './assembly-catalogue.js';
import { ASSEMBLY_DELETE_ROLE, assertAssemblyRole, type AssemblyCaller } from './assembly-role.js';

/** A data view or scenario to delete, every version of its name. */
export interface AssemblyPartDelete {
  kind: typeof DATA_VIEW_KIND | typeof SCENARIO_KIND;
  name: string;
  caller: AssemblyCaller;
  now: Date;
}

/**
 * Deletes every version of a data view or scenario: an admin's act
 * ({@link ASSEMBLY_DELETE_ROLE}), refused while any version of any
 * workset of the project names it, since an assembly of that version
 * could no longer run. Deleting that workset (or updating all its
 * versions away) comes first. The store checks for worksets in the
 * delete's own atomic step, and a workset's put requires what it names in
 * its own: of a delete and a create racing, one of them is refused.
 *
 * @throws AllotError `PROJECT_ACCESS` below admin; `NOT_FOUND` for a name the project lacks;
 *   `IN_USE` naming the first workset version that uses it.
 */
export async function deleteAssemblyPart(
  store: CatalogueStore,
  project: ProjectRecord,
  target: AssemblyPartDelete,
): Promise<number> {
  const label = target.kind === DATA_VIEW_KIND ? 'data view' : 'scenario';
  assertAssemblyRole(target.caller, ASSEMBLY_DELETE_ROLE, `deleting a ${label}`);
  await recordByName(store, project, target.kind, target.name);
  try {
    return await store.deleteCatalogue(
      {
        ...nameIn(project, target.kind, target.name),
        actor: target.caller.user,
        force: true,
        unlessUsedBy: worksetsUsing(target),
      },
      target.now,
    );
  } catch (error) {
    if (!(error instanceof CatalogueInUseError)) throw error;
    const user = error.user;
    throw new AllotError(
      'IN_USE',
      `${label} "${target.name}" is used by workset "${user.name}" ${user.version}: delete or update the workset first`,
      { workset: user.name, version: user.version },
    );
  }
}

/** Worksets (any version) that name the target: as their scenario, or as their primary or another view. */
function worksetsUsing(target: AssemblyPartDelete): CatalogueUsers {
  return {
    kind: WORKSET_KIND,
    uses: (body) => {
      const workset = body as WorksetBody;
      return target.kind === SCENARIO_KIND
        ? workset.scenario.name === target.name
        : [workset.primary, ...workset.dataViews].some((bound) => bound.view.name === target.name);
    },
  };
}
