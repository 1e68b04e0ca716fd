import { AllotError, type CatalogueStore } from '@allot/core';
import type { Acting } from './acting.js';
import type { SynthRef } from './read-schema-record.js';
import { readSchemaRecord } from './read-schema-record.js';
import {
  CONSTRAINT_SET_KIND,
  DATASET_KIND,
  listSynthBodies,
  SCHEMA_KIND,
  synthName,
  type ConstraintSetBody,
  type DatasetBody,
} from './synth-records.js';

/**
 * Deletes a schema no constraint set or dataset uses; datasets keep their
 * files, so a schema in use stays rather than leave them unexplained.
 *
 * @throws {@link AllotError} `NOT_FOUND`, or `INVALID_INPUT` naming what still uses the schema
 */
export async function deleteSchema(
  store: CatalogueStore,
  ref: Omit<SynthRef, 'workspace'>,
  acting: Acting,
): Promise<void> {
  const schema = await readSchemaRecord(store, { ...ref, workspace: acting.workspace });
  const page = { limit: 1, offset: 0 };
  const sets = await listSynthBodies<ConstraintSetBody>(store, {
    workspace: acting.workspace,
    kind: CONSTRAINT_SET_KIND,
    filter: (set) => set.schema === schema.id,
    page,
  });
  const datasets = await listSynthBodies<DatasetBody>(store, {
    workspace: acting.workspace,
    kind: DATASET_KIND,
    filter: (d) => d.schema === schema.id || d.entities.some((e) => e.schema === schema.id),
    page,
  });
  const user = sets[0]
    ? `constraint set ${sets[0].id}`
    : datasets[0]
      ? `dataset ${datasets[0].id}`
      : null;
  if (user !== null) {
    throw new AllotError('INVALID_INPUT', `schema ${schema.id} is used by ${user}`, {
      field: 'schema',
    });
  }
  await store.deleteCatalogue(
    { ...synthName(SCHEMA_KIND, acting.workspace, schema.id), actor: acting.actor, force: true },
    acting.now,
  );
}
