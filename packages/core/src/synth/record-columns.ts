import type { Value } from '../model/block-version.js';
import type { FieldNode, SchemaTree } from './field-tree.js';
import type { SynthRecord } from './record-plan.js';

/** One column of a flat table (CSV, SQL, data block) made from a record. */
export interface RecordColumn {
  /** The field's dot path (`address.city`). */
  name: string;
  node: FieldNode;
  /** The record's own property holding the cell, for top-level fields; null for nested ones. */
  key: string | null;
  /** The cell of a record: scalars as they are, arrays and choices of objects as JSON text, absent as null. */
  cell(record: SynthRecord): Value;
}

/**
 * The columns of a schema's records: nested objects flatten into dot paths;
 * an array, or a choice, is one column holding JSON text (a table cell holds
 * one value). Every field is a column, so all rows have the same columns.
 */
export function recordColumns(tree: SchemaTree): RecordColumn[] {
  const columns: RecordColumn[] = [];
  const visit = (node: FieldNode, parts: string[]): void => {
    for (const field of node.properties ?? []) {
      const path = [...parts, field.name];
      if (field.kind === 'object') visit(field, path);
      else {
        const key = path.length === 1 ? field.name : null;
        columns.push({ name: path.join('.'), node: field, key, cell: cellOf(path) });
      }
    }
  };
  visit(tree.root, []);
  return columns;
}

function cellOf(path: string[]): (record: SynthRecord) => Value {
  const toCell = (value: unknown): Value =>
    value === undefined
      ? null
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : (value as Value);
  if (path.length === 1) {
    const key = path[0]!;
    return (record) => toCell(record[key]);
  }
  return (record) => {
    let value: unknown = record;
    for (const part of path) {
      if (value === null || value === undefined) return null;
      value = (value as Record<string, unknown>)[part];
    }
    return toCell(value);
  };
}
