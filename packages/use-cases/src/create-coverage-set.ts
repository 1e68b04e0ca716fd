import {
  AllotError,
  validateCoverageSet,
  type CatalogueStore,
  type ProjectStore,
} from '@allot/core';
import type { Acting } from './acting.js';
import {
  COVERAGE_SET_KIND,
  projectScope,
  type CoverageSetRecord,
  type InProject,
} from './coverage-records.js';
import { setAttributes } from './set-attributes.js';

/** A coverage set to create, as the client sent it: `{name, determiningAttributes}`. */
export interface NewCoverageSet extends InProject {
  set: unknown;
  /** Where the set sits in the request (`entity`), prefixed to error fields. */
  path?: string;
}

/**
 * Creates version 1.0 of a coverage set: a name ending in `_coverage` and
 * references to existing determining attribute versions.
 *
 * @throws {@link AllotError} `INVALID_INPUT` naming the field, `ALREADY_EXISTS` for a name
 *   the project has, `NOT_FOUND` for an unknown project.
 */
export async function createCoverageSet(
  store: ProjectStore & CatalogueStore,
  input: NewCoverageSet,
  acting: Acting,
): Promise<CoverageSetRecord> {
  const scope = await projectScope(store, input);
  const path = input.path ?? '';
  const set = validateCoverageSet(input.set, path);
  await setAttributes(store, scope, set.determiningAttributes, path);
  const name = { kind: COVERAGE_SET_KIND, workspace: scope.workspace, project: scope.key };
  if ((await store.getCatalogueByName({ ...name, name: set.name })) !== undefined) {
    throw new AllotError(
      'ALREADY_EXISTS',
      `project "${scope.project.name}" ${scope.project.version} already has a coverage set "${set.name}": update it by the id of a version`,
      { field: path === '' ? 'name' : `${path}.name` },
    );
  }
  const record = await store.putCatalogue(
    {
      ...name,
      name: set.name,
      body: { determiningAttributes: set.determiningAttributes },
      actor: acting.user,
      expectedVersion: null,
    },
    acting.now,
  );
  return record as CoverageSetRecord;
}
