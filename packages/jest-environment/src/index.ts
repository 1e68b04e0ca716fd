/**
 * @allot/jest-environment: `testEnvironment: '@allot/jest-environment'` gives
 * every test its allocated values as `globalThis.allot`.
 */
import { AllotEnvironment } from './allot-environment.js';

export { AllotEnvironment };
export type { AllotJestOptions } from './parse-options.js';
export type { AllotTestData } from './test-data.js';
export { describePath, fileSuite } from './test-ref.js';
export default AllotEnvironment;
