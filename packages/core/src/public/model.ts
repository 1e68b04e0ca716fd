/** @allot/core's public API, the allocation model: errors, pool definitions, made rows and quotas, jobs, workspaces and job states: re-exported whole by the package's index. */
export {
  AllotError,
  ERROR_CODES,
  LeaseConflictError,
  PoolValidationError,
  isAllotError,
} from '../errors.js';
export type { ErrorCode, Issue } from '../errors.js';
export type {
  BlockOrigin,
  BlockVersion,
  BlockVersionMeta,
  NewBlockVersion,
  NewBlockVersionFields,
  RowObject,
  RowValues,
  Table,
  Value,
} from '../model/block-version.js';
export { isHttpTeardown, isSqlMake } from '../model/pool-definition.js';
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
} from '../model/pool-definition.js';
export { madeRowId } from '../lifecycle/made-row-record.js';
export type {
  MadeRowFilter,
  MadeRowRecord,
  MadeRowState,
  NewMadeRow,
  TeardownOutcome,
} from '../lifecycle/made-row-record.js';
export {
  lateInWindow,
  quotaGuardMs,
  takeFromWindow,
  windowStart,
} from '../lifecycle/quota-window.js';
export type { QuotaTake, QuotaWindow } from '../lifecycle/quota-window.js';
export { QuotaGate } from '../lifecycle/quota-gate.js';
export type { QuotaGateOptions, QuotaRule } from '../lifecycle/quota-gate.js';
export { teardownRequest } from '../lifecycle/teardown-request.js';
export type { TeardownRequest } from '../lifecycle/teardown-request.js';
export { makeAhead } from '../lifecycle/make-ahead.js';
export type { MakeAheadInput, MadeAhead } from '../lifecycle/make-ahead.js';
export type { MadeRowsOf, MakeHooks } from '../engine/make-hooks.js';
export { rowId, testId } from '../model/job-record.js';
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
} from '../model/job-record.js';
export { ROLES } from '../model/workspace-record.js';
export type {
  ApiKeyRecord,
  PasswordHash,
  TwoFactorRecord,
  Role,
  UserRecord,
  WorkspaceRecord,
} from '../model/workspace-record.js';
export type { AuditEvent } from '../model/audit-event.js';
export { jobFromCommit } from '../job-from-commit.js';
export { isJobFinished } from '../job-state-record.js';
export type { JobPhase, JobStateRecord } from '../job-state-record.js';
