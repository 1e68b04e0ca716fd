/**
 * @allot/core: the allocation engine, data blocks, pool files, the Store
 * interface and the in-memory document store; no file or network I/O of stores.
 * Knows nothing of HTTP, CLIs or test frameworks.
 */
export {
  AllotError,
  ERROR_CODES,
  LeaseConflictError,
  PoolValidationError,
  isAllotError,
} from './errors.js';
export type { ErrorCode, Issue } from './errors.js';
export type {
  BlockOrigin,
  BlockVersion,
  BlockVersionMeta,
  NewBlockVersion,
  RowObject,
  RowValues,
  Table,
  Value,
} from './model/block-version.js';
export { isHttpTeardown, isSqlMake } from './model/pool-definition.js';
export type {
  AllocationTest,
  ColumnCondition,
  Find,
  Generator,
  HttpTeardown,
  Make,
  MakeLifecycleSettings,
  OrderBy,
  PoolBlock,
  PoolDefinition,
  Quota,
  SqlMake,
  SqlQuery,
  SqlTeardown,
  Teardown,
  TopUp,
  Where,
} from './model/pool-definition.js';
export { madeRowId } from './lifecycle/made-row-record.js';
export type {
  MadeRowFilter,
  MadeRowRecord,
  MadeRowState,
  NewMadeRow,
  TeardownOutcome,
} from './lifecycle/made-row-record.js';
export {
  lateInWindow,
  quotaGuardMs,
  takeFromWindow,
  windowStart,
} from './lifecycle/quota-window.js';
export type { QuotaTake, QuotaWindow } from './lifecycle/quota-window.js';
export { QuotaGate } from './lifecycle/quota-gate.js';
export type { QuotaGateOptions, QuotaRule } from './lifecycle/quota-gate.js';
export { teardownRequest } from './lifecycle/teardown-request.js';
export type { TeardownRequest } from './lifecycle/teardown-request.js';
export { makeAhead } from './lifecycle/make-ahead.js';
export type { MakeAheadInput, MadeAhead } from './lifecycle/make-ahead.js';
export type { MadeRowsOf, MakeHooks } from './engine/make-hooks.js';
export { rowId, testId } from './model/job-record.js';
export type {
  ClaimState,
  JobCommit,
  JobRecord,
  JobState,
  JobTest,
  LeaseHolder,
  ReleaseOutcome,
  ResultRecord,
  RowRef,
  TestRef,
  TestStatus,
} from './model/job-record.js';
export { ROLES } from './model/workspace-record.js';
export type {
  ApiKeyRecord,
  PasswordHash,
  Role,
  UserRecord,
  WorkspaceRecord,
} from './model/workspace-record.js';
export type { AuditEvent } from './model/audit-event.js';
export { jobFromCommit } from './job-from-commit.js';
export { isJobFinished } from './job-state-record.js';
export type { JobPhase, JobStateRecord } from './job-state-record.js';

export { parseCsv } from './data-block/parse-csv.js';
export { parseJsonRows } from './data-block/parse-json-rows.js';
export { parseDataFile, hashSource } from './data-block/parse-data-file.js';
export { compareVersions, nextVersion } from './data-block/next-version.js';
export { nextVersionMeta } from './data-block/next-version-meta.js';
export { formulaSafeCell } from './data-block/formula-safe-cell.js';
export { TABLE_FORMATS, writeTable, type TableFormat } from './data-block/write-table.js';
export {
  EXPORT_FORMATS,
  EXPORT_FORMAT_NAMES,
  isExportFormat,
  type ExportFormat,
  type ExportFormatInfo,
} from './exports/export-format.js';
export type { ExportChunk, ExportInput, RowSource } from './exports/export-input.js';
export { collectExport, writeExport, type ExportOptions } from './exports/write-export.js';
export { TDO_DOWNLOAD_FORMATS, tdoDownloadFormat } from './exports/tdo-download-format.js';
export {
  X12_834_COLUMNS,
  X12_TEMPLATES,
  isX12Template,
  type X12Template,
  type X12TemplateParties,
} from './exports/x12-834-mapping.js';
export type { X12834Options } from './exports/write-x12-834-export.js';
export {
  ALIGHT_LAYOUT,
  ALIGHT_RECORD_BYTES,
  type AlightField,
  type AlightFieldKind,
} from './exports/alight-layout.js';
export { SEQUENCE_COLUMN } from './exports/write-delimited-export.js';
export { compileWhere } from './find/compile-where.js';
export { CONDITION_OPERATORS } from './find/compile-condition.js';
export { toNumber } from './find/to-number.js';
export { describeWhere } from './find/describe-where.js';
export {
  parsePoolFile,
  parsePoolSource,
  validatePoolObject,
  type ParsedPoolFile,
} from './pool/parse-pool-file.js';
export { loadPoolFile } from './pool/load-pool-file.js';

export type {
  BlockStore,
  CatalogueStore,
  CandidateQuery,
  EventStore,
  JobStore,
  LifecycleStore,
  MadeRowRef,
  NotificationStore,
  Page,
  PoolStore,
  ProjectStore,
  Store,
  TenancyStore,
  DatasetStore,
} from './store/store.js';
export type { ProjectJournal } from './store/project-store.js';
export type { DatasetJournal } from './store/dataset-store.js';
export {
  DEFAULT_DATASET_NAME,
  datasetValues,
  type DatasetChange,
  type DatasetRecord,
  type NewDataset,
  type VariableRecord,
} from './datasets/dataset-record.js';
export {
  datasetExistsError,
  datasetNotFoundError,
  variableExistsError,
  variableNotFoundError,
} from './datasets/dataset-errors.js';
export {
  checkDatasetName,
  checkDatasetValue,
  MAX_DATASET_NAME_LENGTH,
  MAX_DATASET_VALUE_LENGTH,
} from './datasets/validate-dataset.js';
export { eventMatches } from './events/event-record.js';
export type { EventQuery, EventRecord, NewEvent } from './events/event-record.js';
export type { NotificationQuery, NotificationRecord } from './events/notification-record.js';
export { DEFAULT_PROJECT_VERSION, PROJECT_ROLES } from './projects/project-record.js';
export type {
  NewProject,
  ProjectMember,
  ProjectRecord,
  ProjectRole,
} from './projects/project-record.js';
export { projectExistsError, projectNotFoundError } from './projects/project-errors.js';
export {
  assertProjectPermission,
  projectPermission,
  type ProjectCaller,
  type ProjectPermission,
} from './projects/project-access.js';
export { auditOfEvent, eventOfAudit, isAudited, SYSTEM_ACTOR } from './events/audit-view.js';
export { openMemoryStore } from './store/open-memory-store.js';
export type {
  CatalogueDelete,
  CatalogueLock,
  CatalogueLockRequest,
  CatalogueName,
  CataloguePut,
  CatalogueQuery,
  CatalogueRecord,
  CatalogueUnlockRequest,
  CatalogueVersionScheme,
} from './catalogue/catalogue-record.js';
export {
  CatalogueLockedError,
  CatalogueVersionConflictError,
} from './catalogue/catalogue-errors.js';
export { isCatalogueId, newCatalogueId } from './catalogue/catalogue-id.js';
export { assertUnlockedFor, checkUnlock, liveLock, lockFor } from './catalogue/catalogue-lock.js';
export { compareCatalogueRecords } from './catalogue/catalogue-order.js';
export {
  catalogueSchemeOf,
  catalogueVersionParts,
  nextCatalogueVersion,
} from './catalogue/catalogue-version.js';
export { checkName, planCataloguePut } from './catalogue/plan-catalogue-put.js';
export { DocumentStore } from './store/document-store.js';
export { Column, ColumnTable } from './data-block/column-table.js';
export type { Codes, ColumnData } from './data-block/column-table.js';
export {
  decodeBlockFile,
  encodeBlockFile,
  isBlockFile,
  readBlockFileHeader,
} from './data-block/block-file.js';
export type { BlockFileHeader } from './data-block/block-file.js';
export { RowsCache } from './store/rows-cache.js';
export { leaseConflict, testLabel } from './store/lease-conflict.js';
export type { ConflictRow } from './store/lease-conflict.js';
export { tallyRelease } from './store/count-release.js';
export type { EndedTest } from './store/count-release.js';
export {
  duplicateKeyError,
  firstRepeatedKey,
  missingParentError,
  noAllocationError,
  unknownJobError,
  workspaceExistsError,
} from './store/store-errors.js';
export { LruCache } from './lru-cache.js';
export { MemoryPersistence } from './store/document-persistence.js';
export type { DocumentPersistence } from './store/document-persistence.js';
export type { StoreDocument, WorkspaceDocument } from './store/store-document.js';
export { applyDelta, diffDocuments } from './store/document-delta.js';
export type { DeltaOp } from './store/document-delta.js';
export { upgradeDocument } from './store/upgrade-document.js';
export type { AnyDocument, LegacyDocument } from './store/upgrade-document.js';

export { DEFAULT_TTL_SECONDS, DEFAULT_WORKSPACE } from './engine/job-defaults.js';
export { executeJob } from './engine/execute-job.js';
export { reportJob } from './engine/report-job.js';
export type { ExecuteOptions } from './engine/execute-options.js';
export type { FindForecast, JobProgress, JobReport, TestOutcome } from './engine/job-report.js';
export { matchClasses } from './engine/match-classes.js';
export { serverBlock } from './engine/resolution-database.js';
export type { ResolutionDatabase, SqlStatement } from './engine/resolution-database.js';
export type { MatchClass } from './engine/match-classes.js';

export { importBlock } from './operations/import-block.js';
export type { ImportBlockOptions, ImportBlockResult } from './operations/import-block.js';
export { syncPoolFiles } from './operations/sync-pool-files.js';
export { checkPoolColumns } from './operations/check-pool-columns.js';
export { checkPoolFileColumns } from './operations/check-pool-file-columns.js';
export type { SyncedPools } from './operations/sync-pool-files.js';
export { githubRunNamespace } from './run-namespace.js';
export { MASK, formatValues } from './format-values.js';
export { openMemoryWorkQueue } from './queue/memory-work-queue.js';
export type {
  MemoryWorkQueueOptions,
  StoredQueuedJob,
  WorkQueuePersistence,
} from './queue/memory-work-queue.js';
export { FINAL_QUEUED_JOB_STATES } from './queue/work-queue.js';
export type {
  EnqueueOptions,
  JsonValue,
  QueuedJob,
  QueuedJobFilter,
  QueuedJobPage,
  QueuedJobState,
  QueueError,
  QueueHandler,
  QueueProgress,
  QueueWork,
  WorkOptions,
  WorkQueue,
} from './queue/work-queue.js';
export {
  checkQueuedJobFilter,
  checkQueueKind,
  resolveEnqueueOptions,
} from './queue/queue-options.js';
export type { ResolvedEnqueueOptions } from './queue/queue-options.js';
export { toQueueError, WORKER_LOST } from './queue/queue-error.js';

export type {
  AttributeDataType,
  AttributeRange,
  AttributeRef,
  AttributeSource,
  AttributeValue,
  BusinessRule,
  CoverageSetDefinition,
  DeterminingAttribute,
  RangeAttribute,
  RuleCondition,
  ValueAttribute,
} from './coverage/determining-attribute.js';
export { ATTRIBUTE_DATA_TYPES } from './coverage/determining-attribute.js';
export { CoverageInputError } from './coverage/coverage-input-error.js';
export { validateDeterminingAttribute } from './coverage/validate-determining-attribute.js';
export {
  COVERAGE_SUFFIX,
  validateAttributeRefs,
  validateCoverageSet,
} from './coverage/validate-coverage-set.js';
export { validateBusinessRule } from './coverage/validate-business-rule.js';
export { attributeLabels, levelLabel } from './coverage/attribute-levels.js';
export { sourceKey } from './coverage/coverage-model.js';
export type { CoverageInput } from './coverage/coverage-model.js';
export {
  MAX_COMBINATIONS,
  MAX_STRENGTH,
  calculateCoverage,
} from './coverage/calculate-coverage.js';
export type {
  CoverageCombination,
  CoverageOptions,
  CoverageReport,
  CoverageResult,
} from './coverage/calculate-coverage.js';
export { countTuples } from './coverage/count-tuples.js';
export type { TupleCount } from './coverage/count-tuples.js';
export { combinationFinds, combinationMake, coverageTests } from './coverage/coverage-finds.js';
export type { CoverageTestsOptions } from './coverage/coverage-finds.js';
export { coverFromRows } from './coverage/cover-from-rows.js';
export type { ExistingCoverage } from './coverage/cover-from-rows.js';

export { readSchema, type SchemaFormat } from './synth/read-schema.js';
export { readJsonSchema } from './synth/read-json-schema.js';
export { readXsd, type ReadXsdOptions } from './synth/read-xsd.js';
export { STRING_FORMATS, fieldAt, walkFields } from './synth/field-tree.js';
export type {
  FieldKind,
  FieldNode,
  ScalarValue,
  SchemaLanguage,
  SchemaTree,
  StringFormat,
} from './synth/field-tree.js';
export { schemaRepr } from './synth/schema-repr.js';
export type { FieldRepr, SchemaRepr } from './synth/schema-repr.js';
export { RULE_OPERATORS, parseRule } from './synth/constraint-set.js';
export type {
  ConstraintSet,
  CrossFieldRule,
  FieldConstraint,
  RuleOperator,
} from './synth/constraint-set.js';
export { checkConstraints, type EntityLookup } from './synth/check-constraints.js';
export { entityOrder } from './synth/entity-order.js';
export { generateEntities, generateRecords } from './synth/generate-entities.js';
export type {
  EntitySpec,
  GenerateOptions,
  GenerateRecordsOptions,
  SynthBatch,
  SynthProgress,
} from './synth/generate-entities.js';
export type { SynthRecord } from './synth/record-plan.js';
export { createRecordValidator, type RecordValidator } from './synth/record-validator.js';
export { recordColumns, type RecordColumn } from './synth/record-columns.js';
export {
  createCsvWriter,
  createJsonLinesWriter,
  createJsonWriter,
  type RecordWriter,
} from './synth/record-writers.js';
export { createXmlWriter, type XmlWriterOptions } from './synth/xml-writer.js';
export { createSqlWriter, type SqlTable } from './synth/sql-writer.js';
export { SYNTH_FORMATS, writeDataset } from './synth/write-dataset.js';
export { recordWriterFor, referencedFields } from './synth/record-writer-for.js';
export type {
  ChunkSink,
  DatasetSummary,
  SynthFormat,
  WriteDatasetOptions,
} from './synth/write-dataset.js';
export { toBlockVersion, type ToBlockVersionOptions } from './synth/to-block-version.js';
export { isWebhookEventKind, WEBHOOK_EVENT_KINDS } from './webhooks/webhook-event.js';
export type { WebhookEvent, WebhookEventKind } from './webhooks/webhook-event.js';
export {
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  TIMESTAMP_HEADER,
  signWebhook,
  verifyWebhook,
} from './webhooks/webhook-signature.js';
export type { SignedDelivery, WebhookVerdict } from './webhooks/webhook-signature.js';
export {
  MIN_WEBHOOK_SECRET_LENGTH,
  checkWebhookInput,
  checkWebhookUrl,
} from './webhooks/webhook-record.js';
export type { Webhook, WebhookInput } from './webhooks/webhook-record.js';
export type { WebhookAttempt } from './webhooks/webhook-attempt.js';
export {
  DATA_VIEW_KIND,
  SCENARIO_KIND,
  WORKSET_KIND,
  type BoundView,
  type DataViewBody,
  type NamedVersion,
  type ScenarioBody,
  type ScenarioStep,
  type WorksetBody,
} from './assembly/assembly-records.js';
export { AssemblyInputError } from './assembly/assembly-input-error.js';
export { validateDataView } from './assembly/validate-data-view.js';
export { validateScenario } from './assembly/validate-scenario.js';
export {
  WORKSET_NAME_SUFFIX,
  dataViewsAt,
  validateWorkset,
  validateWorksetName,
} from './assembly/validate-workset.js';
export {
  ASSEMBLY_COLUMNS,
  assembleRecords,
  type AssembledRecords,
  type AssemblyRowError,
} from './assembly/assemble-records.js';
export {
  assemblyGroups,
  assemblyPool,
  primaryRecords,
  type AssemblyGroup,
  type RecordSlot,
  type LoadedView,
  type PrimaryRecords,
} from './assembly/plan-assembly.js';
export {
  dataSetVersion,
  runAssembly,
  type AssemblyOutcome,
  type PrimaryDataSet,
  type RunAssemblyOptions,
} from './assembly/run-assembly.js';
export { escapeMarkup } from './exports/escape-markup.js';

export { parseODataQuery } from './querying/parse-odata-query.js';
export { compileODataFilter } from './querying/compile-odata-filter.js';
export { compareODataRows, type ODataComparator } from './querying/compare-odata-cells.js';
export { runODataQuery, selectFields, type ODataPage } from './querying/run-odata-query.js';
export {
  DEFAULT_ODATA_LIMITS,
  type ODataLimits,
  type ODataParams,
  type ODataQuery,
} from './querying/odata-query.js';
export {
  PARAMETER_TABLE_FORMATS,
  writeParameterTable,
  type ParameterRow,
  type ParameterTableFormat,
} from './datasets/write-parameter-table.js';
