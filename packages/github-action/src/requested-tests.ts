import { discoverCucumber } from './discover-cucumber.js';
import { discoverPlaywright } from './discover-playwright.js';
import type { TestSource } from './inputs.js';
import { readManifest } from './read-manifest.js';
import type { RequestedTest } from './requested-test.js';

/** The tests the inputs ask for; undefined when every test of the pool files forms the job. */
export async function requestedTests(
  source: TestSource,
  cwd: string,
): Promise<RequestedTest[] | undefined> {
  switch (source.kind) {
    case 'pools':
      return undefined;
    case 'manifest':
      return readManifest(source.file, cwd);
    case 'playwright':
      return discoverPlaywright(source.command, cwd, source.naming);
    case 'cucumber':
      return discoverCucumber(source.patterns, cwd);
  }
}
