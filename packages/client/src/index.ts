/**
 * @allot/client: the HTTP client and results file reader that allot's test
 * framework integrations share.
 */
export { AllotClient } from './allot-client.js';
export type { AllotClientOptions, ExecuteOptions } from './allot-client.js';
export type { RunJobOptions, WaitForJobOptions } from './run-job.js';
export type { UploadBlockOptions } from './upload-block.js';
export type { FileSource } from './file-source.js';
export type { JobProgress, JobStatus, JobTestStatus, TestStatus } from './job-status.js';
export type { Pool, PoolSummary, PoolTest, StoredResult } from './pool-view.js';
export type { BlockUpload, BlockVersion } from './block-version.js';
export { AllotClientError, isAllotClientError } from './allot-client-error.js';
export type { ClientErrorCode } from './allot-client-error.js';
export { AllocatedValues } from './allocated-values.js';
export { lookupValues } from './lookup-values.js';
export type { ValueSources } from './lookup-values.js';
export {
  ResultsFile,
  parseResultsFile,
  readResultsFile,
  readResultsFileSync,
} from './results-file.js';
export type { ResultsEntry, ResultsFileContent } from './results-file.js';
export { nearestNames } from './nearest-names.js';
export { describeTest } from './model.js';
export type { BundleTest, Job, JobState, ReleaseOutcome, Row, TestRef, Value } from './model.js';
export { playwrightTestNames } from './playwright-names.js';
export type { SuiteNaming } from './playwright-names.js';
