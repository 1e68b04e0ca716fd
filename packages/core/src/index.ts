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
export { isSqlMake } from './model/pool-definition.js';
export type {
  AllocationTest,
  ColumnCondition,
  Find,
  Generator,
  Make,
  OrderBy,
  PoolBlock,
  PoolDefinition,
  SqlMake,
  SqlQuery,
  Where,
} from './model/pool-definition.js';
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
export type { ApiKeyRecord, Role, UserRecord, WorkspaceRecord } from './model/workspace-record.js';
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
  NotificationStore,
  Page,
  PoolStore,
  ProjectStore,
  Store,
  TenancyStore,
} from './store/store.js';
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
