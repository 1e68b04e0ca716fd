import {
  checkConstraints,
  fieldAt,
  parseRule,
  type CatalogueStore,
  type ConstraintSet,
  type CrossFieldRule,
  type FieldConstraint,
  AllotError,
} from '@allot/core';
import { listSchemas } from './list-schemas.js';
import { schemaTreeOf, type SchemaBody } from './synth-records.js';

/** A constraint set as callers write it: rules as objects or as text (`end_date >= start_date`). */
export interface ConstraintSetInput {
  fields?: Record<string, FieldConstraint>;
  rules?: (CrossFieldRule | string)[];
}

/**
 * Turns a written constraint set into the domain's and checks it against
 * its schema's field tree: every path exists and can take its constraints.
 * A reference names an entity by the record name of another schema of the
 * project and a field of it; that the field is unique depends on that
 * entity's own constraint set, so it is checked when a dataset brings the
 * two together.
 *
 * @throws {@link AllotError} `INVALID_CONSTRAINTS` naming the field path, or `UNSUPPORTED_SCHEMA`
 */
export async function checkConstraintSet(
  store: CatalogueStore,
  schema: SchemaBody,
  input: ConstraintSetInput,
  workspace: string,
): Promise<ConstraintSet> {
  const constraints = normalise(input);
  const tree = schemaTreeOf(schema);
  const withoutReferences: ConstraintSet = {
    ...constraints,
    fields: Object.fromEntries(
      Object.entries(constraints.fields ?? {}).map(([path, c]) => {
        const { reference: _reference, ...rest } = c;
        return [path, rest];
      }),
    ),
  };
  checkConstraints(tree, withoutReferences, {
    schemaOf: () => undefined,
    constraintsOf: () => ({}),
  });
  const references = Object.entries(constraints.fields ?? {}).filter(
    ([, c]) => c.reference !== undefined,
  );
  if (references.length === 0) return constraints;
  const schemas = await listSchemas(store, {
    workspace,
    project: schema.project,
    page: { limit: 100_000, offset: 0 },
  });
  for (const [path, constraint] of references) {
    const ref = constraint.reference!;
    const target = schemas.find((s) => s.recordName === ref.entity);
    const label = `Invalid constraint on ${path}: reference ${ref.entity}.${ref.field}`;
    if (target === undefined) {
      throw new AllotError(
        'INVALID_CONSTRAINTS',
        `${label}: no schema of the project has record name ${ref.entity}`,
        { path },
      );
    }
    if (fieldAt(schemaTreeOf(target), ref.field) === undefined) {
      throw new AllotError(
        'INVALID_CONSTRAINTS',
        `${label}: ${ref.entity} has no field ${ref.field}`,
        { path },
      );
    }
  }
  return constraints;
}

function normalise(input: ConstraintSetInput): ConstraintSet {
  const rules = (input.rules ?? []).map((rule, index) => {
    if (typeof rule !== 'string') return rule;
    const parsed = parseRule(rule);
    if (parsed === null) {
      throw new AllotError(
        'INVALID_CONSTRAINTS',
        `Invalid constraint on rules[${index}]: "${rule}" is not "field op field" (<, <=, >, >=)`,
        { path: `rules[${index}]` },
      );
    }
    return parsed;
  });
  return {
    ...(input.fields === undefined ? {} : { fields: input.fields }),
    ...(rules.length === 0 ? {} : { rules }),
  };
}
