import {
  AllotError,
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
  type AttributeRecord,
  type InProject,
} from './coverage-records.js';

/** A determining attribute to create, as the client sent it. */
export interface NewDeterminingAttribute extends InProject {
  /** Checked by `validateDeterminingAttribute`. */
  attribute: unknown;
  /** Where the attribute sits in the request (`entity`), prefixed to error fields. */
  path?: string;
}

/**
 * Creates version 1.0 of a determining attribute in a project. Its id stays
 * the same across the versions later updates make.
 *
 * @throws {@link AllotError} `INVALID_INPUT` naming the field, `ALREADY_EXISTS` when the
 *   project has an attribute of this name, `NOT_FOUND` for an unknown project.
 */
export async function createDeterminingAttribute(
  store: ProjectStore & CatalogueStore & BlockStore,
  input: NewDeterminingAttribute,
  acting: Acting,
): Promise<AttributeRecord> {
  const scope = await projectScope(store, input);
  const path = input.path ?? '';
  const attribute = validateDeterminingAttribute(input.attribute, path);
  await checkAttributeSource(store, scope.workspace, attribute, path);
  const name = { kind: ATTRIBUTE_KIND, workspace: scope.workspace, project: scope.key };
  if ((await store.getCatalogueByName({ ...name, name: attribute.name })) !== undefined) {
    throw new AllotError(
      'ALREADY_EXISTS',
      `project "${scope.project.name}" ${scope.project.version} already has a determining attribute "${attribute.name}": update it by its id`,
      { field: path === '' ? 'name' : `${path}.name` },
    );
  }
  const record = await store.putCatalogue(
    {
      ...name,
      name: attribute.name,
      body: attribute,
      actor: acting.user,
      expectedVersion: null,
    },
    acting.now,
  );
  return record as AttributeRecord;
}
