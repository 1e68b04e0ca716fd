import { basename } from 'node:path';
import type { Circus } from '@jest/types';
import type { SuiteNaming } from './parse-options.js';

const ROOT = 'ROOT_DESCRIBE_BLOCK';

/** The describe titles around a test, outermost first. */
export function describePath(test: Circus.TestEntry): string[] {
  const path: string[] = [];
  for (
    let block: Circus.DescribeBlock | undefined = test.parent;
    block !== undefined && block.name !== ROOT;
    block = block.parent
  ) {
    path.unshift(block.name);
  }
  return path;
}

/** `checkout` of `src/checkout.test.js`, `checkout.e2e` of `checkout.e2e.spec.ts`. */
export function fileSuite(testPath: string): string {
  return basename(testPath)
    .replace(/\.[cm]?[jt]sx?$/, '')
    .replace(/\.(test|spec)$/, '');
}

/** The suite name of a test under a naming rule. */
export function suiteOf(
  test: Circus.TestEntry,
  testPath: string,
  naming: SuiteNaming,
  separator: string,
): string {
  if (typeof naming === 'object') return naming.fixed;
  if (naming === 'file') return fileSuite(testPath);
  const path = describePath(test);
  return path.length === 0 ? fileSuite(testPath) : path.join(separator);
}
