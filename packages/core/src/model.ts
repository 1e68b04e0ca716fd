/**
 * The domain vocabulary of allot (see the design's vocabulary table), one
 * file per area under `model/`. This file re-exports them so the modules
 * that import `model.js` keep working; new code imports the area it uses.
 */
export type {
  Value,
  RowValues,
  RowObject,
  Table,
  BlockOrigin,
  BlockVersionMeta,
  BlockVersion,
  NewBlockVersion,
} from './model/block-version.js';
export { isSqlMake } from './model/pool-definition.js';
export type {
  ColumnCondition,
  Where,
  OrderBy,
  SqlQuery,
  Find,
  Generator,
  Make,
  SqlMake,
  AllocationTest,
  PoolBlock,
  PoolDefinition,
} from './model/pool-definition.js';
export { rowId, testId } from './model/job-record.js';
export type {
  TestRef,
  RowRef,
  TestStatus,
  JobTest,
  JobState,
  JobRecord,
  ResultRecord,
  LeaseHolder,
  ClaimState,
  JobCommit,
  ReleaseOutcome,
} from './model/job-record.js';
export { ROLES } from './model/workspace-record.js';
export type { Role, WorkspaceRecord, ApiKeyRecord, UserRecord } from './model/workspace-record.js';
export type { AuditEvent } from './model/audit-event.js';
