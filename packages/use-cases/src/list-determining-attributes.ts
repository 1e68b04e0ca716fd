import type { CatalogueStore, ProjectStore } from '@allot/core';
import {
  ATTRIBUTE_KIND,
  listAll,
  projectScope,
  type AttributeRecord,
  type InProject,
} from './coverage-records.js';

/**
 * The determining attributes of a project by name: the latest version of
 * each, or every version with `allVersions`.
 */
export async function listDeterminingAttributes(
  store: ProjectStore & CatalogueStore,
  input: InProject & { allVersions?: boolean },
): Promise<AttributeRecord[]> {
  const scope = await projectScope(store, input);
  return listAll(store, scope, ATTRIBUTE_KIND, { latestOnly: input.allVersions !== true });
}
