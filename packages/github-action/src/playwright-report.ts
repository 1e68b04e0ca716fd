import { playwrightTestNames, type SuiteNaming } from '@allot/client';
import type { RequestedTest } from './requested-test.js';

interface ReportSpec {
  title: string;
  file?: string;
  line?: number;
}

interface ReportSuite {
  title: string;
  file?: string;
  specs?: ReportSpec[];
  suites?: ReportSuite[];
}

interface Report {
  suites?: ReportSuite[];
  errors?: Array<{ message?: string }>;
}

/**
 * The tests of a Playwright JSON report (`playwright test --list
 * --reporter=json`), named as the fixture names them at run time: one per
 * spec, whatever the number of projects running it.
 */
export function testsOfPlaywrightReport(json: string, naming: SuiteNaming): RequestedTest[] {
  const report = parseReport(json);
  const errors = (report.errors ?? []).map((e) => e.message ?? 'unknown error');
  if (errors.length > 0)
    throw new Error(`Playwright could not list the tests:\n${errors.join('\n')}`);
  const tests: RequestedTest[] = [];
  const seen = new Set<string>();
  const visit = (suite: ReportSuite, path: readonly string[]) => {
    for (const spec of suite.specs ?? []) {
      const names = playwrightTestNames([...path, spec.title], naming);
      const key = `${names.suite}\u0000${names.test}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const where = spec.file ?? suite.file ?? path[0] ?? '';
      tests.push({ pool: undefined, ...names, source: `${where}:${spec.line ?? 0}` });
    }
    // An anonymous describe is a suite titled "": testInfo.titlePath leaves it out, and so do we.
    for (const child of suite.suites ?? [])
      visit(child, child.title === '' ? path : [...path, child.title]);
  };
  for (const file of report.suites ?? []) visit(file, [file.title]);
  return tests;
}

function parseReport(output: string): Report {
  // Anything a config prints before the report (a banner, a warning) is not JSON.
  const start = output.search(/^\{/m);
  const text = start < 0 ? output : output.slice(start);
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `the Playwright list command did not print a JSON report (${(error as Error).message}); ` +
        `it must run with --list --reporter=json. Output began with: ${output.slice(0, 200)}`,
    );
  }
  if (typeof report !== 'object' || report === null || !Array.isArray((report as Report).suites))
    throw new Error(
      'the Playwright list command printed JSON without a "suites" list: is it --reporter=json?',
    );
  return report as Report;
}
