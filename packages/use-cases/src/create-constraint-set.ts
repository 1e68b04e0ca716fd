import type { CatalogueStore } from '@allot/core';
import type { Acting } from './acting.js';
import { checkConstraintSet, type ConstraintSetInput } from './check-constraint-set.js';
import { readSchemaRecord } from './read-schema-record.js';
import { schemaRequirement } from './schema-references.js';
import {
  CONSTRAINT_SET_KIND,
  nextSynthId,
  synthName,
  type ConstraintSetBody,
} from './synth-records.js';

/** A new constraint set: for one schema of a project. */
export interface NewConstraintSet {
  project: number;
  schema: number;
  name: string;
  description?: string;
  constraints: ConstraintSetInput;
}

/**
 * Checks a constraint set against its schema's field tree and stores it,
 * numbered by the workspace; nothing is stored when a path or constraint is wrong.
 *
 * @throws {@link AllotError} `NOT_FOUND` (schema in the project), `INVALID_CONSTRAINTS` naming the path
 */
export async function createConstraintSet(
  store: CatalogueStore,
  input: NewConstraintSet,
  acting: Acting,
): Promise<ConstraintSetBody> {
  const schema = await readSchemaRecord(store, {
    workspace: acting.workspace,
    id: input.schema,
    project: input.project,
  });
  const constraints = await checkConstraintSet(store, schema, input.constraints, acting.workspace);
  const id = await nextSynthId(
    store,
    acting.workspace,
    CONSTRAINT_SET_KIND,
    acting.actor,
    acting.now,
  );
  const at = acting.now.toISOString();
  const body: ConstraintSetBody = {
    id,
    project: input.project,
    schema: schema.id,
    name: input.name,
    description: input.description ?? '',
    constraints,
    createdBy: acting.actor,
    createdAt: at,
    updatedAt: at,
  };
  await store.putCatalogue(
    {
      ...synthName(CONSTRAINT_SET_KIND, acting.workspace, id),
      body,
      actor: acting.actor,
      expectedVersion: null,
      requires: [schemaRequirement(acting.workspace, schema.id, 'schema')],
    },
    acting.now,
  );
  return body;
}
