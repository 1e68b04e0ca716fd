/**
 * @allot/cucumber: allot test data in cucumber-js. Load it with
 * `import '@allot/cucumber/register'` from a support file.
 */
export { AllotWorld } from './allot-world.js';
export { ScenarioData } from './scenario-data.js';
export { ALLOT_PARAMETER, registerAllot } from './register-allot.js';
export { featureSuiteName, scenarioTestName } from './scenario-test-name.js';
export type { GherkinDocumentLike, PickleLike } from './scenario-test-name.js';
export { listFeatureTests, poolTag } from './list-feature-tests.js';
export type { FeatureTest } from './list-feature-tests.js';
export { loadScenarioData } from './load-scenario-data.js';
export { parseWorldParameters } from './world-options.js';
export type { AllotOptions, AllotWorldParameters } from './world-options.js';
export { PrepareError, prepareFeatures } from './curiosity/prepare-features.js';
export type { PrepareOptions, PrepareReport } from './curiosity/prepare-features.js';
export type { PlaceholderSource } from './curiosity/resolve-rows.js';
export { findPlaceholders, rewriteLine } from './curiosity/placeholders.js';
export type { Placeholder } from './curiosity/placeholders.js';
