import type { EntitySpec } from './generate-entities.js';
import { createJsonLinesWriter, createJsonWriter, type RecordWriter } from './record-writers.js';
import { createCsvWriter } from './csv-writer.js';
import { createSqlWriter } from './sql-writer.js';
import type { SynthFormat } from './write-dataset.js';
import { createXmlWriter } from './xml-writer.js';

/**
 * The writer of one entity's records in one format. `referenced` names the
 * entity's fields other entities reference (see {@link referencedFields}),
 * which the SQL writer's table needs.
 */
export function recordWriterFor(
  format: SynthFormat,
  entity: EntitySpec,
  referenced: Set<string>,
): RecordWriter {
  switch (format) {
    case 'csv':
      return createCsvWriter(entity.schema);
    case 'json':
      return createJsonWriter();
    case 'jsonl':
      return createJsonLinesWriter();
    case 'xml':
      return createXmlWriter(entity.schema);
    case 'sql':
      return createSqlWriter(entity, referenced);
  }
}

/** Per entity name, the fields of it that other entities' constraints reference. */
export function referencedFields(entities: readonly EntitySpec[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const entity of entities) {
    for (const constraint of Object.values(entity.constraints?.fields ?? {})) {
      const ref = constraint.reference;
      if (ref === undefined) continue;
      map.set(ref.entity, (map.get(ref.entity) ?? new Set()).add(ref.field));
    }
  }
  return map;
}
