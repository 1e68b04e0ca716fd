import {
  AllotError,
  DATA_VIEW_KIND,
  SCENARIO_KIND,
  WORKSET_KIND,
  type CatalogueStore,
  type ProjectRecord,
  type WorksetBody,
} from '@allot/core';
import { nameIn, projectKey, recordByName } from './assembly-catalogue.js';
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
 * versions away) comes first.
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
  const user = await firstUser(store, project, target);
  if (user !== undefined)
    throw new AllotError(
      'IN_USE',
      `${label} "${target.name}" is used by workset "${user.name}" ${user.version}: delete or update the workset first`,
      { workset: user.name, version: user.version },
    );
  return store.deleteCatalogue(
    { ...nameIn(project, target.kind, target.name), actor: target.caller.user, force: true },
    target.now,
  );
}

/** The first workset version (every version, not only the latest) that names the target. */
async function firstUser(
  store: CatalogueStore,
  project: ProjectRecord,
  target: AssemblyPartDelete,
): Promise<{ name: string; version: string } | undefined> {
  const uses = (body: WorksetBody): boolean =>
    target.kind === SCENARIO_KIND
      ? body.scenario.name === target.name
      : [body.primary, ...body.dataViews].some((bound) => bound.view.name === target.name);
  for (let offset = 0; ; offset += 500) {
    const page = await store.listCatalogue({
      workspace: project.workspace,
      kind: WORKSET_KIND,
      project: projectKey(project),
      page: { offset, limit: 500 },
    });
    const user = page.find((record) => uses(record.body as WorksetBody));
    if (user !== undefined) return { name: user.name, version: user.version };
    if (page.length < 500) return undefined;
  }
}
