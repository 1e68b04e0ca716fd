import type { CatalogueStore, ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import {
  ATTRIBUTE_KIND,
  projectScope,
  recordById,
  type AttributeRecord,
  type InProject,
} from './coverage-records.js';
import { deleteCatalogueRecord } from './delete-catalogue-record.js';

/**
 * Deletes a determining attribute, every version of it (its id names them
 * all). Coverage sets that name it keep their references; calculating
 * them then fails naming the missing attribute. Callers check the admin role.
 *
 * @throws {@link AllotError} `NOT_FOUND` for an unknown id.
 */
export async function deleteDeterminingAttribute(
  store: ProjectStore & CatalogueStore,
  input: InProject & { id: string },
  acting: Acting,
): Promise<AttributeRecord> {
  const scope = await projectScope(store, input);
  const latest = await recordById<AttributeRecord['body']>(store, scope, ATTRIBUTE_KIND, input.id);
  await deleteCatalogueRecord(store, latest, { actor: acting.user, now: acting.now });
  return latest;
}
