/**
 * @allot/client: the HTTP client and results file reader that allot's test
 * framework integrations share.
 */
export { AllotClient } from './allot-client.js';
export type { AllotClientOptions, BundleTest, ExecuteOptions } from './allot-client.js';
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
export type { Job, JobState, ReleaseOutcome, Row, TestRef, Value } from './model.js';
export { TITLE_SEPARATOR, playwrightTestNames } from './playwright-names.js';
export type { SuiteNaming } from './playwright-names.js';
