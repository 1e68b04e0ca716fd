/** @allot/core's public API, the Store interface and its slices, the document store and its persistence: re-exported whole by the package's index. */
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
} from '../store/store.js';
export type { ProjectJournal } from '../store/project-store.js';
export type { DatasetJournal, RecordJournal, VariableJournal } from '../store/dataset-store.js';
export { auditOfEvent, eventOfAudit, isAudited, SYSTEM_ACTOR } from '../events/audit-view.js';
export { openMemoryStore } from '../store/open-memory-store.js';
export type {
  CatalogueDelete,
  CatalogueLock,
  CatalogueLockRequest,
  CatalogueName,
  CataloguePut,
  CatalogueQuery,
  CatalogueRecord,
  CatalogueRequirement,
  CatalogueUnlockRequest,
  CatalogueUsers,
  CatalogueVersionScheme,
} from '../catalogue/catalogue-record.js';
export {
  CatalogueInUseError,
  CatalogueLockedError,
  CatalogueVersionConflictError,
  catalogueRequirementMissing,
} from '../catalogue/catalogue-errors.js';
export { isCatalogueId, newCatalogueId } from '../catalogue/catalogue-id.js';
export { assertUnlockedFor, checkUnlock, liveLock, lockFor } from '../catalogue/catalogue-lock.js';
export { compareCatalogueRecords } from '../catalogue/catalogue-order.js';
export { assertNotUsed, catalogueUsersOf } from '../catalogue/catalogue-users.js';
export {
  catalogueSchemeOf,
  catalogueVersionParts,
  nextCatalogueVersion,
} from '../catalogue/catalogue-version.js';
export { checkName, planCataloguePut } from '../catalogue/plan-catalogue-put.js';
export { DocumentStore } from '../store/document-store.js';
export { Column, ColumnTable } from '../data-block/column-table.js';
export type { Codes, ColumnData } from '../data-block/column-table.js';
export { ColumnTableBuilder } from '../data-block/column-table-builder.js';
export type { EncodedColumn } from '../data-block/encoded-column.js';
export { newRowCount, newRows } from '../data-block/new-version-rows.js';
export {
  blockFileParts,
  decodeBlockFile,
  encodeBlockFile,
  isBlockFile,
  readBlockFileHeader,
} from '../data-block/block-file.js';
export type { BlockFileHeader } from '../data-block/block-file.js';
export { RowsCache } from '../store/rows-cache.js';
export { leaseConflict, testLabel } from '../store/lease-conflict.js';
export type { ConflictRow } from '../store/lease-conflict.js';
export { tallyRelease } from '../store/count-release.js';
export type { EndedTest } from '../store/count-release.js';
export {
  duplicateKeyError,
  firstRepeatedKey,
  missingParentError,
  noAllocationError,
  unknownJobError,
  workspaceExistsError,
} from '../store/store-errors.js';
export { LruCache } from '../lru-cache.js';
export { MemoryPersistence } from '../store/document-persistence.js';
export type { DocumentPersistence } from '../store/document-persistence.js';
export type { StoreDocument, WorkspaceDocument } from '../store/store-document.js';
export { applyDelta, diffDocuments } from '../store/document-delta.js';
export type { DeltaOp } from '../store/document-delta.js';
export { upgradeDocument } from '../store/upgrade-document.js';
export type { AnyDocument, LegacyDocument } from '../store/upgrade-document.js';
