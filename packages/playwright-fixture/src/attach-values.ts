import type { TestInfo } from '@playwright/test';
import type { AllocatedValues } from '@allot/client';
import { maskRows } from './secret-columns.js';

/** The name of the report attachment that holds a test's values. */
export const ATTACHMENT_NAME = 'allot test data';

/** Puts the test's names, source and rows (secret columns masked) into the report as JSON. */
export async function attachValues(
  testInfo: TestInfo,
  values: AllocatedValues,
  secrets: ReadonlySet<string>,
): Promise<void> {
  const body = {
    pool: values.ref.pool,
    suite: values.ref.suite,
    test: values.ref.test,
    source: values.source,
    rows: maskRows(values.rows, secrets),
  };
  await testInfo.attach(ATTACHMENT_NAME, {
    body: JSON.stringify(body, null, 2),
    contentType: 'application/json',
  });
}
