import type { CatalogueRequirement, CatalogueUsers } from '@allot/core';
import {
  CONSTRAINT_SET_KIND,
  DATASET_KIND,
  SCHEMA_KIND,
  synthName,
  type ConstraintSetBody,
  type DatasetBody,
} from './synth-records.js';

/** A schema is put once and never changed: this is its only version. */
const SCHEMA_VERSION = '1.0';

/**
 * The schema a constraint set or dataset names, as the put of it requires
 * it: checked again in the put's atomic step, so a delete of the schema
 * that passed its own check at the same moment cannot leave the record
 * naming a schema that is gone.
 */
export function schemaRequirement(
  workspace: string,
  schema: number,
  field: string,
): CatalogueRequirement {
  return { ...synthName(SCHEMA_KIND, workspace, schema), version: SCHEMA_VERSION, field };
}

/**
 * The constraint set version a dataset copied its constraints from, as the
 * dataset's put requires it: a delete of the set that lands between the
 * create's read and its put refuses the create (`NOT_FOUND` naming the
 * field) rather than let it be stored as if made after the delete. The
 * delete itself is never refused: datasets keep their copy of the set.
 */
export function constraintSetRequirement(
  workspace: string,
  set: { id: number; version: string },
  field: string,
): CatalogueRequirement {
  return { ...synthName(CONSTRAINT_SET_KIND, workspace, set.id), version: set.version, field };
}

/**
 * What keeps a schema from being deleted, in the order a refusal names
 * them: a constraint set made for it, then a dataset generated with it (as
 * its own entity or another one). The store checks these in the delete's
 * atomic step.
 */
export function schemaUsers(schema: number): readonly CatalogueUsers[] {
  return [
    {
      kind: CONSTRAINT_SET_KIND,
      uses: (body) => (body as ConstraintSetBody).schema === schema,
    },
    {
      kind: DATASET_KIND,
      uses: (body) => {
        const dataset = body as DatasetBody;
        return dataset.schema === schema || dataset.entities.some((e) => e.schema === schema);
      },
    },
  ];
}
