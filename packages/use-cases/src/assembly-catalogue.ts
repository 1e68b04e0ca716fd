import {
  AllotError,
  type CatalogueName,
  type CatalogueRecord,
  type CatalogueStore,
  type ProjectRecord,
} from '@allot/core';

/** How the catalogue files a project's data views, scenarios and worksets: by the project's id. */
export function projectKey(project: ProjectRecord): string {
  return String(project.id);
}

/** The catalogue name of a record of a project. */
export function nameIn(project: ProjectRecord, kind: string, name: string): CatalogueName {
  return { kind, workspace: project.workspace, project: projectKey(project), name };
}

/**
 * The latest version of the record of this kind with this id, in this
 * project only: `NOT_FOUND` for an unknown id, or an id of another kind,
 * project or workspace, alike.
 */
export async function recordById(
  store: CatalogueStore,
  project: ProjectRecord,
  kind: string,
  id: string,
): Promise<CatalogueRecord> {
  const record = /^[0-9a-f]{24}$/.test(id)
    ? await store.getCatalogueById(project.workspace, id)
    : undefined;
  if (record === undefined || record.kind !== kind || record.project !== projectKey(project))
    throw new AllotError(
      'NOT_FOUND',
      `no ${kind} has id "${id}" in project "${project.name}" ${project.version}`,
      {
        field: 'id',
      },
    );
  return record;
}

/** The version of a named record, or `NOT_FOUND` naming it. */
export async function recordByName(
  store: CatalogueStore,
  project: ProjectRecord,
  kind: string,
  name: string,
  version?: string,
): Promise<CatalogueRecord> {
  const record = await store.getCatalogueByName(nameIn(project, kind, name), version);
  if (record === undefined)
    throw new AllotError(
      'NOT_FOUND',
      `no ${kind} "${name}"${version === undefined ? '' : ` ${version}`} in project "${project.name}" ${project.version}`,
    );
  return record;
}

/** Every record of a kind in a project: the latest version of each name. */
export async function latestRecords(
  store: CatalogueStore,
  project: ProjectRecord,
  kind: string,
): Promise<CatalogueRecord[]> {
  const records: CatalogueRecord[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.listCatalogue({
      workspace: project.workspace,
      kind,
      project: projectKey(project),
      latestOnly: true,
      page: { offset, limit: 500 },
    });
    records.push(...page);
    if (page.length < 500) return records;
  }
}
