import type { CatalogueName, ProjectStore, CatalogueStore } from '@allot/core';
import type { Acting } from './acting.js';
import type { EventLog } from './event-log.js';
import { projectEvent } from './project-event.js';
import { readProject } from './read-project.js';

/** A project's link to a schema, by the schema's id, in the catalogue. */
export const PROJECT_SCHEMA_LINK_KIND = 'project-schema-link';

/** A schema linked to a project. */
export interface ProjectSchemaLink {
  schema: string;
  linkedBy: string;
  linkedAt: string;
}

function nameOf(workspace: string, project: number, schema: string): CatalogueName {
  return { kind: PROJECT_SCHEMA_LINK_KIND, workspace, project: String(project), name: schema };
}

/**
 * Links a schema to a project of the workspace and records
 * `project.schema.linked`; linking it again changes nothing.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the workspace has no such project.
 */
export async function linkProjectSchema(
  store: ProjectStore & CatalogueStore,
  events: EventLog,
  target: { id: number; schema: string },
  acting: Acting,
): Promise<ProjectSchemaLink> {
  const project = await readProject(store, acting.workspace, { id: target.id });
  const name = nameOf(acting.workspace, project.id, target.schema);
  const existing = await store.getCatalogueByName(name);
  if (existing !== undefined) return existing.body as ProjectSchemaLink;
  const link: ProjectSchemaLink = {
    schema: target.schema,
    linkedBy: acting.actor,
    linkedAt: acting.now.toISOString(),
  };
  try {
    await store.putCatalogue(
      { ...name, body: link, actor: acting.actor, expectedVersion: null },
      acting.now,
    );
  } catch (error) {
    // Linked at the same moment by another request: one link either way.
    if ((error as { code?: string }).code === 'VERSION_CONFLICT') return link;
    throw error;
  }
  await events.record(
    projectEvent('project.schema.linked', project, acting, { schema: target.schema }),
  );
  return link;
}

/** The schemas linked to a project, oldest link first. */
export async function listProjectSchemas(
  store: CatalogueStore,
  workspace: string,
  project: number,
): Promise<ProjectSchemaLink[]> {
  const links: ProjectSchemaLink[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.listCatalogue({
      workspace,
      kind: PROJECT_SCHEMA_LINK_KIND,
      project: String(project),
      latestOnly: true,
      page: { limit: 500, offset },
    });
    links.push(...page.map((record) => record.body as ProjectSchemaLink));
    if (page.length < 500) break;
  }
  return links.sort((a, b) => (a.linkedAt < b.linkedAt ? -1 : a.linkedAt > b.linkedAt ? 1 : 0));
}
