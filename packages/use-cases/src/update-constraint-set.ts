import type { CatalogueStore } from '@allot/core';
import type { Acting } from './acting.js';
import { checkConstraintSet, type ConstraintSetInput } from './check-constraint-set.js';
import { readConstraintSet } from './read-constraint-set.js';
import { readSchemaRecord, type SynthRef } from './read-schema-record.js';
import { schemaRequirement } from './schema-references.js';
import {
  CONSTRAINT_SET_KIND,
  findSynthRecord,
  synthName,
  type ConstraintSetBody,
} from './synth-records.js';

/** What an update may change; the schema stays. */
export interface ConstraintSetChanges {
  name?: string;
  description?: string;
  constraints?: ConstraintSetInput;
}

/**
 * Changes a constraint set: a new catalogue version of it, checked against
 * its schema like a new one. Datasets already generated keep what they were
 * generated with; two updates at once cannot both win (compare-and-set).
 *
 * @throws {@link AllotError} `NOT_FOUND`, `INVALID_CONSTRAINTS`, `VERSION_CONFLICT`
 */
export async function updateConstraintSet(
  store: CatalogueStore,
  ref: Omit<SynthRef, 'workspace'>,
  changes: ConstraintSetChanges,
  acting: Acting,
): Promise<ConstraintSetBody> {
  const current = await readConstraintSet(store, { ...ref, workspace: acting.workspace });
  const record = await findSynthRecord(store, acting.workspace, CONSTRAINT_SET_KIND, current.id);
  const schema = await readSchemaRecord(store, { workspace: acting.workspace, id: current.schema });
  const constraints =
    changes.constraints === undefined
      ? current.constraints
      : await checkConstraintSet(store, schema, changes.constraints, acting.workspace);
  const body: ConstraintSetBody = {
    ...current,
    ...(changes.name === undefined ? {} : { name: changes.name }),
    ...(changes.description === undefined ? {} : { description: changes.description }),
    constraints,
    updatedAt: acting.now.toISOString(),
  };
  await store.putCatalogue(
    {
      ...synthName(CONSTRAINT_SET_KIND, acting.workspace, current.id),
      body,
      actor: acting.actor,
      keepId: true,
      expectedVersion: record?.version ?? null,
      requires: [schemaRequirement(acting.workspace, schema.id, 'schema')],
    },
    acting.now,
  );
  return body;
}
