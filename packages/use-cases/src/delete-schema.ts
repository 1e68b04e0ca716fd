import { AllotError, CatalogueInUseError, type CatalogueStore } from '@allot/core';
import type { Acting } from './acting.js';
import type { SynthRef } from './read-schema-record.js';
import { readSchemaRecord } from './read-schema-record.js';
import { schemaUsers } from './schema-references.js';
import { CONSTRAINT_SET_KIND, SCHEMA_KIND, synthName } from './synth-records.js';

/**
 * Deletes a schema no constraint set or dataset uses; datasets keep their
 * files, so a schema in use stays rather than leave them unexplained. The
 * store looks for users in the delete's own atomic step, and their puts
 * require the schema in theirs: of a delete and a create racing, one of
 * them is refused.
 *
 * @throws {@link AllotError} `NOT_FOUND`, or `INVALID_INPUT` naming what still uses the schema
 */
export async function deleteSchema(
  store: CatalogueStore,
  ref: Omit<SynthRef, 'workspace'>,
  acting: Acting,
): Promise<void> {
  const schema = await readSchemaRecord(store, { ...ref, workspace: acting.workspace });
  try {
    await store.deleteCatalogue(
      {
        ...synthName(SCHEMA_KIND, acting.workspace, schema.id),
        actor: acting.actor,
        force: true,
        unlessUsedBy: schemaUsers(schema.id),
      },
      acting.now,
    );
  } catch (error) {
    if (!(error instanceof CatalogueInUseError)) throw error;
    // Records of these kinds are named by their number, padded.
    const label = error.user.kind === CONSTRAINT_SET_KIND ? 'constraint set' : 'dataset';
    const user = `${label} ${Number(error.user.name)}`;
    throw new AllotError('INVALID_INPUT', `schema ${schema.id} is used by ${user}`, {
      field: 'schema',
    });
  }
}
