import type { FieldNode, SchemaTree } from './field-tree.js';

/** One field as `repr` shows it: where it is, what it holds, what constrains it. */
export interface FieldRepr {
  path: string;
  kind: FieldNode['kind'];
  required: boolean;
  nullable: boolean;
  /** The schema's own constraints on the field (enum, bounds, lengths, pattern, format, occurrences). */
  constraints: Record<string, unknown>;
  /** XML attribute, or alternative of an `xs:choice`, when so. */
  attribute?: boolean;
  choiceGroup?: string;
}

/** A schema's representation for building constraint sets: the record name and every field, in order. */
export interface SchemaRepr {
  language: SchemaTree['language'];
  recordName: string;
  fields: FieldRepr[];
}

const CONSTRAINT_KEYS = [
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'fractionDigits',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minItems',
  'maxItems',
  'uniqueItems',
  'combinator',
] as const;

/**
 * The field tree flattened to a list of fields by path: what a user (or a
 * UI) needs to write a constraint set, whose keys are these paths. Plain JSON.
 */
export function schemaRepr(tree: SchemaTree): SchemaRepr {
  const fields: FieldRepr[] = [];
  const visit = (node: FieldNode): void => {
    if (node !== tree.root && (node.name !== '' || node.path.endsWith('[]'))) {
      const constraints: Record<string, unknown> = {};
      for (const key of CONSTRAINT_KEYS) if (node[key] !== undefined) constraints[key] = node[key];
      const repr: FieldRepr = {
        path: node.path,
        kind: node.kind,
        required: node.required,
        nullable: node.nullable,
        constraints,
      };
      if (node.attribute === true) repr.attribute = true;
      if (node.choiceGroup !== undefined) repr.choiceGroup = node.choiceGroup;
      fields.push(repr);
    }
    for (const child of node.properties ?? []) visit(child);
    if (node.items !== undefined) visit(node.items);
    for (const variant of node.variants ?? []) visit(variant);
  };
  visit(tree.root);
  return { language: tree.language, recordName: tree.recordName, fields };
}
