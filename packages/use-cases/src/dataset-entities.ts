import {
  AllotError,
  checkConstraints,
  type CatalogueStore,
  type ConstraintSet,
  type EntitySpec,
} from '@allot/core';
import { readSchemaRecord } from './read-schema-record.js';
import {
  CONSTRAINT_SET_KIND,
  readSynthVersion,
  schemaTreeOf,
  type ConstraintSetBody,
} from './synth-records.js';

/** One entity of a dataset as its creator names it. */
export interface EntityRef {
  schema: number;
  constraintSet: number | null;
  recordCount: number;
}

/** An entity resolved for generation, with the constraints it is generated with. */
export interface ResolvedEntity extends EntityRef {
  spec: EntitySpec;
  constraints: ConstraintSet | null;
  /** The version of the constraint set the constraints were read from; null when none was read. */
  constraintSetVersion: string | null;
}

/**
 * Reads the schemas and constraint sets a dataset names, within its
 * project, and checks them together: every constraint set fits its
 * entity's schema (a set made for another schema may serve one whose field
 * tree has its paths, as TDMP's batch example applies one set to several
 * schemas), entity names (record names) differ, and references point at a
 * unique field of an entity of the dataset. `snapshot` gives the
 * constraints to use instead of the stored sets (a queued dataset keeps
 * what it was created with).
 *
 * @throws {@link AllotError} `NOT_FOUND`, `INVALID_INPUT`, `INVALID_CONSTRAINTS`
 */
export async function resolveDatasetEntities(
  store: CatalogueStore,
  options: {
    workspace: string;
    project: number;
    entities: readonly EntityRef[];
    snapshot?: readonly (ConstraintSet | null)[];
  },
): Promise<ResolvedEntity[]> {
  const resolved: ResolvedEntity[] = [];
  for (const [index, entity] of options.entities.entries()) {
    const field = index === 0 ? 'schema' : `entities[${index - 1}].schema`;
    const schema = await readSchemaRecord(store, {
      workspace: options.workspace,
      id: entity.schema,
      project: options.project,
    }).catch((error: unknown) => {
      throw error instanceof AllotError
        ? new AllotError(error.code, `${error.message} (${field})`, { ...error.details, field })
        : error;
    });
    let constraints: ConstraintSet | null = options.snapshot?.[index] ?? null;
    let constraintSetVersion: string | null = null;
    if (options.snapshot === undefined && entity.constraintSet !== null) {
      const setField = index === 0 ? 'constraintSet' : `entities[${index - 1}].constraintSet`;
      const set = await readSynthVersion<ConstraintSetBody>(store, {
        workspace: options.workspace,
        kind: CONSTRAINT_SET_KIND,
        id: entity.constraintSet,
        project: options.project,
      }).catch((error: unknown) => {
        throw error instanceof AllotError
          ? new AllotError(error.code, `${error.message} (${setField})`, {
              ...error.details,
              field: setField,
            })
          : error;
      });
      constraints = set.body.constraints;
      constraintSetVersion = set.version;
    }
    const tree = schemaTreeOf(schema);
    if (resolved.some((r) => r.spec.name === tree.recordName)) {
      throw new AllotError(
        'INVALID_INPUT',
        `two entities of the dataset are named ${tree.recordName}: each schema's record name must differ`,
        { field: 'entities' },
      );
    }
    resolved.push({
      ...entity,
      constraints,
      constraintSetVersion,
      spec: {
        name: tree.recordName,
        schema: tree,
        count: entity.recordCount,
        ...(constraints === null ? {} : { constraints }),
      },
    });
  }
  const byName = new Map(resolved.map((r) => [r.spec.name, r.spec]));
  const lookup = {
    schemaOf: (name: string) => byName.get(name)?.schema,
    constraintsOf: (name: string) => byName.get(name)?.constraints ?? {},
  };
  for (const entity of resolved)
    checkConstraints(entity.spec.schema, entity.spec.constraints ?? {}, lookup);
  return resolved;
}
