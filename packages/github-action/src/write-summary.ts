import * as core from '@actions/core';
import { formatValues, type TestOutcome } from '@allot/core';
import type { Outcome } from './outcome.js';
import type { RequestedTest } from './requested-test.js';

/** Rows of the table and items of the lists: the summary must stay far below its 1 MiB limit. */
const MAX_ROWS = 500;
const MAX_ITEMS = 200;
const MAX_CELL = 300;

/**
 * The job summary: counts, a table of pool, suite, test, status and values
 * (secret columns masked), the reason of every failure, and the requested
 * tests no pool defines.
 */
export async function writeSummary(outcome: Outcome, resultsFile: string | null): Promise<void> {
  const summary = core.summary.addHeading('allot test data', 2);
  const { report, missing } = outcome;
  if (report === null) {
    summary.addRaw(
      `<p>No job ran: none of the ${missing.length} requested tests is defined in a pool.</p>`,
      true,
    );
  } else {
    const cached = report.cached
      ? ` (the same tests were allocated before: job ${report.jobId}'s results)`
      : '';
    summary.addRaw(
      `<p><b>job ${report.jobId}</b>: ${report.allocated} allocated, ${report.made} made, ` +
        `${report.reused} reused, ${report.failed} failed, ${missing.length} missing; ` +
        `leases until ${escape(report.expiresAt)}${escape(cached)}</p>`,
      true,
    );
    if (resultsFile !== null)
      summary.addRaw(`<p>results file: <code>${escape(resultsFile)}</code></p>`, true);
    summary.addTable([
      ['pool', 'suite', 'test', 'status', 'values'].map((data) => ({ data, header: true })),
      ...report.tests.slice(0, MAX_ROWS).map(tableRow),
    ]);
    more(report.tests.length - MAX_ROWS, 'tests: the results file lists them all');
    const failures = report.tests.filter((t) => t.status === 'failed');
    if (failures.length > 0) {
      summary.addHeading('Tests without data', 3);
      summary.addList(
        failures
          .slice(0, MAX_ITEMS)
          .map((t) => `<code>${escape(name(t))}</code>: ${escape(t.reason ?? 'no reason given')}`),
      );
      more(failures.length - MAX_ITEMS, 'failures');
    }
  }
  if (missing.length > 0) {
    summary.addHeading('Tests no pool defines', 3);
    summary.addRaw(
      '<p>These tests were listed or discovered but no pool file defines them, so they got no data. ' +
        'Add them to a pool file if they need data.</p>',
      true,
    );
    summary.addList(missing.slice(0, MAX_ITEMS).map(missingItem));
    more(missing.length - MAX_ITEMS, 'missing tests');
  }
  await summary.write();
}

function more(count: number, what: string): void {
  if (count > 0) core.summary.addRaw(`<p>… and ${count} more ${escape(what)}.</p>`, true);
}

function tableRow(t: TestOutcome): string[] {
  const values = t.status === 'failed' ? '' : formatValues(t.values, t.secrets);
  return [t.pool, t.suite, t.test, t.status, clip(values)].map(escape);
}

function missingItem(t: RequestedTest): string {
  const pool = t.pool === undefined ? 'any pool' : `pool ${t.pool}`;
  return `<code>${escape(`${t.suite} / ${t.test}`)}</code> (${escape(pool)}; from ${escape(t.source)})`;
}

function name(t: TestOutcome): string {
  return `${t.pool} / ${t.suite} / ${t.test}`;
}

function clip(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** Text into HTML: the summary is HTML, and a value may hold `<`. */
export function escape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
