/**
 * @allot/playwright: Playwright Test fixtures that give each test its own
 * allocated allot rows as `testData`.
 */
export { expect } from '@playwright/test';
export { allotFixtures, test, typedTest } from './fixtures.js';
export type { AllotTest, AllotTestFixtures, AllotWorkerFixtures } from './fixtures.js';
export type { AllotOptions } from './options.js';
export { ATTACHMENT_NAME } from './attach-values.js';
export { MASK, SECRET_NAME_PATTERN, isSecretColumn, maskRows } from './secret-columns.js';
export { createTestData } from './test-data.js';
export type { Columns, TestData, TestDataApi } from './test-data.js';
export { testRefOf } from './test-ref.js';
export type { WorkerSource } from './worker-source.js';
export type { SuiteNaming } from '@allot/client';
