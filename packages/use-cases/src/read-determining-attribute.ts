import type { CatalogueStore, ProjectStore } from '@allot/core';
import {
  ATTRIBUTE_KIND,
  projectScope,
  recordById,
  recordByName,
  type AttributeRecord,
  type InProject,
} from './coverage-records.js';

/** How a determining attribute is addressed: by id (and version), or by name (and version). */
export type AttributeAddress =
  { id: string; version?: string } | { name: string; version?: string };

/**
 * One version of a determining attribute of a project, the latest unless
 * a version is given; `NOT_FOUND` when the project has none at this address.
 */
export async function readDeterminingAttribute(
  store: ProjectStore & CatalogueStore,
  input: InProject & { attribute: AttributeAddress },
): Promise<AttributeRecord> {
  const scope = await projectScope(store, input);
  const { attribute } = input;
  return 'id' in attribute
    ? recordById(store, scope, ATTRIBUTE_KIND, attribute.id, attribute.version)
    : recordByName(store, scope, ATTRIBUTE_KIND, attribute.name, attribute.version);
}
