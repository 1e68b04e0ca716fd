/** A row as a test attached it: `{column: value}`. */
export type AttachedRow = Record<string, string | number | boolean | null>;

/** The values a test attached to the report (the fixture's `allot test data` attachment). */
export interface AttachedData {
  pool: string;
  suite: string;
  test: string;
  source: string;
  rows: AttachedRow[];
}

/** One test of a Playwright JSON report, flattened. */
export interface ReportedTest {
  /** `file › describe › title`. */
  name: string;
  project: string;
  /** `expected`, `unexpected`, `flaky` or `skipped`. */
  status: string;
  /** The messages of the last attempt's errors. */
  errors: string[];
  data: AttachedData | undefined;
}

/** The part of Playwright's JSON report that {@link readReport} reads. */
export interface JsonReport {
  suites: JsonSuite[];
}

interface JsonSuite {
  title: string;
  file?: string;
  suites?: JsonSuite[];
  specs?: Array<{
    title: string;
    tests: Array<{
      projectName: string;
      status: string;
      results: Array<{
        errors: Array<{ message?: string }>;
        attachments: Array<{ name: string; body?: string }>;
      }>;
    }>;
  }>;
}

/**
 * Every test of a JSON report (`--reporter=json`), with the values it
 * attached under `attachment` (`@allot/playwright`'s `ATTACHMENT_NAME`).
 */
export function readReport(report: JsonReport, attachment: string): ReportedTest[] {
  const found: ReportedTest[] = [];
  const walk = (suite: JsonSuite, path: string[]) => {
    const here = suite.file === suite.title ? [suite.file] : [...path, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const last = test.results[test.results.length - 1];
        const body = last?.attachments.find((a) => a.name === attachment)?.body;
        found.push({
          name: [...here, spec.title].join(' › '),
          project: test.projectName,
          status: test.status,
          errors: (last?.errors ?? []).map((e) => e.message ?? ''),
          data:
            body === undefined
              ? undefined
              : (JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as AttachedData),
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites) walk(suite, []);
  return found;
}

/** The key (`id`) of every row the tests received, in report order. */
export function rowKeys(tests: readonly ReportedTest[]): string[] {
  return tests.flatMap((t) => (t.data?.rows ?? []).map((row) => String(row.id)));
}
