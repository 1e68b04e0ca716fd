/** @allot/core's public API, the allocation engine, its operations and the work queue: re-exported whole by the package's index. */
export { DEFAULT_TTL_SECONDS, DEFAULT_WORKSPACE } from '../engine/job-defaults.js';
export { executeJob } from '../engine/execute-job.js';
export { reportJob } from '../engine/report-job.js';
export type { ExecuteOptions } from '../engine/execute-options.js';
export type { FindForecast, JobProgress, JobReport, TestOutcome } from '../engine/job-report.js';
export { matchClasses } from '../engine/match-classes.js';
export { serverBlock } from '../engine/resolution-database.js';
export type { ResolutionDatabase, SqlStatement } from '../engine/resolution-database.js';
export type { MatchClass } from '../engine/match-classes.js';

export { importBlock } from '../operations/import-block.js';
export type { ImportBlockOptions, ImportBlockResult } from '../operations/import-block.js';
export { syncPoolFiles } from '../operations/sync-pool-files.js';
export { checkPoolColumns } from '../operations/check-pool-columns.js';
export { checkPoolFileColumns } from '../operations/check-pool-file-columns.js';
export type { SyncedPools } from '../operations/sync-pool-files.js';
export { githubRunNamespace } from '../run-namespace.js';
export { MASK, formatValues } from '../format-values.js';
export { openMemoryWorkQueue } from '../queue/memory-work-queue.js';
export type {
  MemoryWorkQueueOptions,
  StoredQueuedJob,
  WorkQueuePersistence,
} from '../queue/memory-work-queue.js';
export { FINAL_QUEUED_JOB_STATES } from '../queue/work-queue.js';
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
} from '../queue/work-queue.js';
export {
  checkQueuedJobFilter,
  checkQueueKind,
  resolveEnqueueOptions,
} from '../queue/queue-options.js';
export type { ResolvedEnqueueOptions } from '../queue/queue-options.js';
export { toQueueError, WORKER_LOST } from '../queue/queue-error.js';
