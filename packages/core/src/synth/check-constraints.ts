import { RULE_OPERATORS, type ConstraintSet, type FieldConstraint } from './constraint-set.js';
import { fieldAt, isScalar, type FieldNode, type SchemaTree } from './field-tree.js';
import { orderedScale } from './ordered-scale.js';
import { compilePattern } from './pattern-generator.js';
import { invalidConstraint } from './synth-errors.js';
import { valueProblem } from './value-check.js';

/** What checking a constraint set needs to know about the other entities, for references. */
export interface EntityLookup {
  /** The schema of an entity by name, undefined when there is none. */
  schemaOf(entity: string): SchemaTree | undefined;
  /** The constraint set of an entity, for the uniqueness of a referenced field. */
  constraintsOf(entity: string): ConstraintSet;
}

/**
 * Checks a constraint set against its schema before anything is generated:
 * every path exists and can take its constraints, enum values are valid for
 * the field, null ratios only fall on fields that may be null or absent,
 * rules compare two ordered sibling fields of one family, and references
 * point at a unique scalar field of another entity.
 *
 * @throws AllotError `INVALID_CONSTRAINTS` naming the path, or
 *   `UNSUPPORTED_SCHEMA` for a pattern outside the generator's subset
 */
export function checkConstraints(
  tree: SchemaTree,
  constraints: ConstraintSet,
  entities: EntityLookup,
): void {
  for (const key of Object.keys(constraints)) {
    if (key !== 'fields' && key !== 'rules')
      throw invalidConstraint(`unknown key "${key}" (fields, rules)`, '(root)');
  }
  for (const [path, constraint] of Object.entries(constraints.fields ?? {})) {
    const node = fieldAt(tree, path);
    if (node === undefined) throw invalidConstraint('no such field in the schema', path);
    checkField(node, constraint, entities);
  }
  for (const rule of constraints.rules ?? []) {
    const label = `rule ${rule.field} ${rule.op} ${rule.other}`;
    if (!RULE_OPERATORS.includes(rule.op))
      throw invalidConstraint(`${label}: operator (${RULE_OPERATORS.join(' ')})`, rule.field);
    const field = fieldAt(tree, rule.field);
    const other = fieldAt(tree, rule.other);
    if (field === undefined || other === undefined)
      throw invalidConstraint(`${label}: no such field`, rule.field);
    if (rule.field === rule.other || parentOf(rule.field) !== parentOf(rule.other)) {
      throw invalidConstraint(
        `${label}: the two fields must be different fields of one object`,
        rule.field,
      );
    }
    const fieldScale = isScalar(field) ? orderedScale(field) : null;
    const otherScale = isScalar(other) ? orderedScale(other) : null;
    if (fieldScale === null || otherScale === null || fieldScale.family !== otherScale.family) {
      throw invalidConstraint(
        `${label}: compares two numbers, dates, date-times or times`,
        rule.field,
      );
    }
    const constraint = constraints.fields?.[rule.field] ?? {};
    if (
      constraint.enum !== undefined ||
      constraint.faker !== undefined ||
      constraint.reference !== undefined ||
      field.enum !== undefined ||
      field.const !== undefined
    ) {
      throw invalidConstraint(
        `${label}: a ruled field is drawn from its range, not an enum, faker or reference`,
        rule.field,
      );
    }
  }
}

const CONSTRAINT_KEYS = new Set([
  'enum',
  'weights',
  'min',
  'max',
  'pattern',
  'unique',
  'nullRatio',
  'faker',
  'reference',
]);

function checkField(node: FieldNode, constraint: FieldConstraint, entities: EntityLookup): void {
  const path = node.path;
  for (const key of Object.keys(constraint)) {
    if (!CONSTRAINT_KEYS.has(key))
      throw invalidConstraint(
        `unknown constraint "${key}" (${[...CONSTRAINT_KEYS].join(', ')})`,
        path,
      );
  }
  // A value comes from one source; a constraint the chosen source would ignore is refused, not dropped.
  const source =
    constraint.reference !== undefined
      ? 'reference'
      : constraint.enum !== undefined || node.enum !== undefined
        ? 'enum'
        : constraint.faker !== undefined
          ? 'faker'
          : null;
  const ignored = (['min', 'max', 'pattern'] as const).filter(
    (key) => constraint[key] !== undefined,
  );
  if (source !== null && ignored.length > 0)
    throw invalidConstraint(`${ignored.join(', ')} beside a value from ${source}`, path);
  if (constraint.weights !== undefined && source !== 'enum')
    throw invalidConstraint('weights without an enum', path);
  const scalarOnly = [
    'enum',
    'weights',
    'min',
    'max',
    'pattern',
    'unique',
    'faker',
    'reference',
  ] as const;
  if (!isScalar(node)) {
    const used = scalarOnly.filter((key) => constraint[key] !== undefined);
    if (used.length > 0)
      throw invalidConstraint(`${used.join(', ')} on a ${node.kind} field`, path);
  }
  if (constraint.nullRatio !== undefined) {
    if (!(constraint.nullRatio >= 0 && constraint.nullRatio <= 1))
      throw invalidConstraint('nullRatio is between 0 and 1', path);
    if (constraint.nullRatio > 0 && node.required && !node.nullable) {
      throw invalidConstraint(
        'nullRatio on a field the schema requires and does not allow to be null',
        path,
      );
    }
    if (node.choiceGroup !== undefined)
      throw invalidConstraint('nullRatio on an alternative of an xs:choice', path);
  }
  if (constraint.unique === true && path.includes('[]'))
    throw invalidConstraint('unique inside an array', path);
  for (const value of constraint.enum ?? []) {
    const problem = valueProblem({ ...node, nullable: false }, value);
    if (problem !== null)
      throw invalidConstraint(
        `enum value ${JSON.stringify(value)} breaks the schema (${problem})`,
        path,
      );
  }
  if (constraint.pattern !== undefined) {
    if (node.kind !== 'string') throw invalidConstraint(`a pattern on a ${node.kind} field`, path);
    compilePattern(constraint.pattern, path);
  }
  if (constraint.faker !== undefined && !/^[A-Za-z]+\.[A-Za-z]+$/.test(constraint.faker)) {
    throw invalidConstraint(`faker method "${constraint.faker}" is not module.method`, path);
  }
  if (constraint.reference !== undefined) checkReference(node, constraint.reference, entities);
}

function checkReference(
  node: FieldNode,
  reference: { entity: string; field: string },
  entities: EntityLookup,
): void {
  const label = `reference ${reference.entity}.${reference.field}`;
  const schema = entities.schemaOf(reference.entity);
  if (schema === undefined)
    throw invalidConstraint(`${label}: no entity ${reference.entity}`, node.path);
  const target = fieldAt(schema, reference.field);
  if (target === undefined || !isScalar(target) || reference.field.includes('[]')) {
    throw invalidConstraint(
      `${label}: no scalar field ${reference.field} outside arrays`,
      node.path,
    );
  }
  if (entities.constraintsOf(reference.entity).fields?.[reference.field]?.unique !== true) {
    throw invalidConstraint(`${label}: the referenced field must be unique (a key)`, node.path);
  }
  const sameKind =
    target.kind === node.kind || (target.kind === 'integer' && node.kind === 'number');
  if (!sameKind)
    throw invalidConstraint(`${label}: a ${target.kind} key for a ${node.kind} field`, node.path);
}

function parentOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? '' : path.slice(0, dot);
}
