import type { Value } from '../model/block-version.js';
import type { ConstraintSet } from './constraint-set.js';
import type { FieldNode, SchemaTree } from './field-tree.js';
import { recordColumns } from './record-columns.js';
import type { SynthRecord } from './record-plan.js';
import type { RecordWriter } from './record-writers.js';

/** What the SQL writer needs of an entity: its table name, schema and constraints (keys, references). */
export interface SqlTable {
  name: string;
  schema: SchemaTree;
  constraints?: ConstraintSet;
}

/**
 * SQL for one entity (PostgreSQL's dialect, standard where it can be): a
 * `CREATE TABLE` with a column per flattened field, `NOT NULL` where the
 * schema demands a value, `UNIQUE` for unique fields (the first one that
 * others reference is the `PRIMARY KEY`), a `FOREIGN KEY` per reference; then
 * one multi-row `INSERT` per batch. Writing the entities in dependency order
 * (as `entityOrder` gives them) lets every foreign key find its row.
 *
 * @param referenced the paths of this entity's fields that other entities reference
 */
export function createSqlWriter(
  table: SqlTable,
  referenced: ReadonlySet<string> = new Set(),
): RecordWriter {
  const columns = recordColumns(table.schema);
  const fields = table.constraints?.fields ?? {};
  const names = columns.map((c) => quoteIdentifier(c.name)).join(', ');
  const tableName = quoteIdentifier(table.name);
  return {
    header() {
      const lines = columns.map(
        (c) =>
          `  ${quoteIdentifier(c.name)} ${sqlType(c.node)}${notNull(table.schema, c.name) ? ' NOT NULL' : ''}`,
      );
      const primary = columns.find(
        (c) => referenced.has(c.name) && fields[c.name]?.unique === true,
      );
      for (const column of columns) {
        const constraint = fields[column.name];
        if (column === primary) lines.push(`  PRIMARY KEY (${quoteIdentifier(column.name)})`);
        else if (constraint?.unique === true)
          lines.push(`  UNIQUE (${quoteIdentifier(column.name)})`);
        const ref = constraint?.reference;
        if (ref !== undefined) {
          lines.push(
            `  FOREIGN KEY (${quoteIdentifier(column.name)}) REFERENCES ${quoteIdentifier(ref.entity)} (${quoteIdentifier(ref.field)})`,
          );
        }
      }
      return `CREATE TABLE ${tableName} (\n${lines.join(',\n')}\n);\n`;
    },
    write(records) {
      if (records.length === 0) return '';
      const rows = records.map(
        (record: SynthRecord) => `(${columns.map((c) => sqlValue(c.cell(record))).join(', ')})`,
      );
      return `INSERT INTO ${tableName} (${names}) VALUES\n${rows.join(',\n')};\n`;
    },
    footer: () => '',
  };
}

function sqlType(node: FieldNode): string {
  switch (node.kind) {
    case 'integer':
      return 'BIGINT';
    case 'number':
      return 'NUMERIC';
    case 'boolean':
      return 'BOOLEAN';
    case 'string':
      if (node.format === 'date') return 'DATE';
      if (node.format === 'date-time') return 'TIMESTAMP WITH TIME ZONE';
      if (node.format === 'time') return 'TIME WITH TIME ZONE';
      return node.maxLength !== undefined ? `VARCHAR(${node.maxLength})` : 'TEXT';
    default:
      return 'TEXT';
  }
}

/** A column needs a value when its field and every object above it are required and not nullable. */
function notNull(tree: SchemaTree, path: string): boolean {
  let node: FieldNode | undefined = tree.root;
  for (const part of path.split('.')) {
    node = node?.properties?.find((p) => p.name === part);
    if (node === undefined || !node.required || node.nullable || node.choiceGroup !== undefined)
      return false;
  }
  return true;
}

function sqlValue(value: Value): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `'${value.replaceAll("'", "''")}'`;
}

/** A double-quoted SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
