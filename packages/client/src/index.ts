/**
 * @allot/client: the HTTP client and results file reader that allot's test
 * framework integrations share.
 */
export { AllotClient } from './allot-client.js';
export type { AllotClientOptions, ExecuteOptions } from './allot-client.js';
export type { RunJobOptions, WaitForJobOptions } from './run-job.js';
export type { UploadBlockOptions } from './upload-block.js';
export type { FileSource } from './file-source.js';
// The wire types are @allot/protocol's, re-exported so integrations need one import.
export type {
  BlockUpload,
  BlockVersion,
  JobProgress,
  JobStatus,
  JobTestStatus,
  Pool,
  PoolSummary,
  PoolTest,
  ReleaseOutcome,
  ResultsEntry,
  ResultsFileContent,
  Row,
  StoredResult,
  TestRef,
  TestStatus,
  Value,
} from '@allot/protocol';
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
export { toResultsFile, writeResultsFile } from './write-results-file.js';
export type { CommittedJob } from './write-results-file.js';
export { nearestNames } from './nearest-names.js';
export { describeTest } from './model.js';
export type { BundleTest, Job, JobState } from './model.js';
export { playwrightTestNames } from './playwright-names.js';
export type { SuiteNaming } from './playwright-names.js';
