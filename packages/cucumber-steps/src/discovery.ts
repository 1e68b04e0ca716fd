/**
 * @allot/cucumber/discovery: how feature files name their allocation tests,
 * without loading cucumber-js. For tools that list a suite's tests before it
 * runs, such as the GitHub Action's `discover: cucumber`.
 */
export { featureSuiteName, scenarioTestName } from './scenario-test-name.js';
export type { GherkinDocumentLike, PickleLike } from './scenario-test-name.js';
export { listFeatureTests, poolTag } from './list-feature-tests.js';
export type { FeatureTest } from './list-feature-tests.js';
