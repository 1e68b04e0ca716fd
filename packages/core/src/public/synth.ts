/** @allot/core's public API, schemas, constraint sets and synthetic datasets: re-exported whole by the package's index. */
export { readSchema, type SchemaFormat } from '../synth/read-schema.js';
export { readJsonSchema } from '../synth/read-json-schema.js';
export { readXsd, type ReadXsdOptions } from '../synth/read-xsd.js';
export { STRING_FORMATS, fieldAt, walkFields } from '../synth/field-tree.js';
export type {
  FieldKind,
  FieldNode,
  ScalarValue,
  SchemaLanguage,
  SchemaTree,
  StringFormat,
} from '../synth/field-tree.js';
export { schemaRepr } from '../synth/schema-repr.js';
export type { FieldRepr, SchemaRepr } from '../synth/schema-repr.js';
export { RULE_OPERATORS, parseRule } from '../synth/constraint-set.js';
export type {
  ConstraintSet,
  CrossFieldRule,
  FieldConstraint,
  RuleOperator,
} from '../synth/constraint-set.js';
export { checkConstraints, type EntityLookup } from '../synth/check-constraints.js';
export { entityOrder } from '../synth/entity-order.js';
export { generateEntities, generateRecords } from '../synth/generate-entities.js';
export type {
  EntitySpec,
  GenerateOptions,
  GenerateRecordsOptions,
  SynthBatch,
  SynthProgress,
} from '../synth/generate-entities.js';
export type { SynthRecord } from '../synth/record-plan.js';
export { createRecordValidator, type RecordValidator } from '../synth/record-validator.js';
export { recordColumns, type RecordColumn } from '../synth/record-columns.js';
export {
  createJsonLinesWriter,
  createJsonWriter,
  type RecordWriter,
} from '../synth/record-writers.js';
export { createCsvWriter } from '../synth/csv-writer.js';
export { TextBytes } from '../synth/text-bytes.js';
export { createXmlWriter, type XmlWriterOptions } from '../synth/xml-writer.js';
export { createSqlWriter, type SqlTable } from '../synth/sql-writer.js';
export { SYNTH_FORMATS, writeDataset } from '../synth/write-dataset.js';
export { recordWriterFor, referencedFields } from '../synth/record-writer-for.js';
export type {
  BatchSink,
  ChunkSink,
  DatasetSummary,
  SynthFormat,
  WriteDatasetOptions,
} from '../synth/write-dataset.js';
export { toBlockVersion, type ToBlockVersionOptions } from '../synth/to-block-version.js';
export { BlockVersionBuilder, type BlockVersionTarget } from '../synth/block-version-builder.js';
export {
  writeDatasetInParallel,
  type ParallelDatasetOptions,
  type ParallelDatasetResult,
} from '../synth/parallel-dataset.js';
