import {
  CoverageInputError,
  validateDeterminingAttribute,
  type BlockStore,
  type CatalogueStore,
  type ProjectStore,
} from '@allot/core';
import type { Acting } from './acting.js';
import { checkAttributeSource } from './check-attribute-source.js';
import {
  ATTRIBUTE_KIND,
  projectScope,
  recordById,
  type AttributeRecord,
  type InProject,
} from './coverage-records.js';

/** Changes to a determining attribute: any of its fields but the name; the rest stays. */
export interface DeterminingAttributeChanges extends InProject {
  id: string;
  /** The fields to change (`values`, `valuesPriority`, `criteria`, `source`, `dataType`, `type`). */
  changes: Record<string, unknown>;
  /** Where the changes sit in the request (`entity`), prefixed to error fields. */
  path?: string;
}

/**
 * Puts the next version of a determining attribute (1.0 → 1.1), with the
 * same id: the latest version with the changes laid over it, checked whole.
 * Coverage sets keep the versions they name.
 *
 * @throws {@link AllotError} `NOT_FOUND` for an unknown id, `INVALID_INPUT` naming the field.
 */
export async function updateDeterminingAttribute(
  store: ProjectStore & CatalogueStore & BlockStore,
  input: DeterminingAttributeChanges,
  acting: Acting,
): Promise<AttributeRecord> {
  const scope = await projectScope(store, input);
  const latest = await recordById<AttributeRecord['body']>(store, scope, ATTRIBUTE_KIND, input.id);
  const path = input.path ?? '';
  const { id: _id, ...changes } = input.changes;
  if (changes['name'] !== undefined && changes['name'] !== latest.name) {
    throw new CoverageInputError(
      path === '' ? 'name' : `${path}.name`,
      `an attribute keeps its name (${latest.name}); create another attribute for a new name`,
    );
  }
  const attribute = validateDeterminingAttribute({ ...latest.body, ...changes }, path);
  await checkAttributeSource(store, scope.workspace, attribute, path);
  const record = await store.putCatalogue(
    {
      kind: ATTRIBUTE_KIND,
      workspace: scope.workspace,
      project: scope.key,
      name: latest.name,
      body: attribute,
      actor: acting.user,
      keepId: true,
      expectedVersion: latest.version,
    },
    acting.now,
  );
  return record as AttributeRecord;
}
