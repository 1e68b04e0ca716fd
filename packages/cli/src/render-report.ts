import type { FindForecast, ImportBlockResult, JobReport, TestOutcome } from '@allot/core';
import { formatValues } from '@allot/core';
import { formatCount, formatTable, truncate, type TableColumn } from './format-table.js';

/** Lines stay within this width so that CI logs do not wrap them. */
const LINE_WIDTH = 140;
const MIN_VALUES_WIDTH = 24;
const SEPARATOR = 2;

/** `imported customers@1.0 (2,000 rows)` for each block file that changed. */
export function renderImports(imported: readonly ImportBlockResult[]): string {
  return imported
    .map(
      ({ meta }) => `imported ${meta.block}@${meta.version} (${formatCount(meta.rowCount)} rows)\n`,
    )
    .join('');
}

/** The table of a committed job, its summary line, and the reason of every failure. */
export function renderJob(report: JobReport): string {
  const columns: TableColumn[] = [
    { header: 'pool' },
    { header: 'suite' },
    { header: 'test' },
    { header: 'status' },
    { header: 'values' },
  ];
  const fixed = report.tests.map((t) => [t.pool, t.suite, t.test, t.status]);
  const room = roomForLast(columns, fixed);
  const rows = report.tests.map((t, index) => [
    ...(fixed[index] ?? []),
    truncate(valuesOf(t), room),
  ]);
  const leases = report.expiresAt === null ? '' : ` (leases until ${report.expiresAt})`;
  const summary =
    `job ${report.jobId ?? '-'}: ${report.allocated} allocated, ${report.made} made, ` +
    `${report.reused} reused, ${report.failed} failed${leases}\n`;
  const cached = report.cached
    ? `the same tests were allocated before: these are job ${report.jobId}'s results (--refresh allocates anew)\n`
    : '';
  return formatTable(columns, rows) + '\n' + summary + cached + renderFailures(report.tests);
}

/** A dry run: how each find would fare, then which tests would fail and why. */
export function renderForecast(report: JobReport): string {
  const columns: TableColumn[] = [
    { header: 'pool' },
    { header: 'block' },
    { header: 'tests', align: 'right' },
    { header: 'demand', align: 'right' },
    { header: 'qualifying', align: 'right' },
    { header: 'free', align: 'right' },
    { header: 'matched', align: 'right' },
    { header: 'makes', align: 'right' },
    { header: 'short', align: 'right' },
    { header: 'find' },
  ];
  const fixed = report.forecast.map(forecastCells);
  const room = roomForLast(columns, fixed);
  const rows = report.forecast.map((f, index) => [
    ...(fixed[index] ?? []),
    truncate(f.readOnly ? `${f.find} (read-only)` : f.find, room),
  ]);
  const summary =
    `dry run: ${report.allocated} would be allocated, ${report.made} made, ` +
    `${report.failed} would fail; nothing was written\n`;
  return formatTable(columns, rows) + '\n' + summary + renderFailures(report.tests);
}

function forecastCells(f: FindForecast): string[] {
  const counts = [f.tests, f.demand, f.qualifying, f.free, f.matched, f.makes, f.short];
  return [f.pool, f.block, ...counts.map(formatCount)];
}

function renderFailures(tests: readonly TestOutcome[]): string {
  return tests
    .filter((t) => t.status === 'failed')
    .map((t) => `failed ${t.pool}/${t.suite}/${t.test}: ${t.reason ?? 'no reason given'}\n`)
    .join('');
}

function valuesOf(test: TestOutcome): string {
  if (test.status === 'failed') return '';
  return formatValues(test.values, test.secrets);
}

/** The width left for a table's last column once the others have taken theirs. */
function roomForLast(columns: readonly TableColumn[], fixed: readonly string[][]): number {
  const used = columns
    .slice(0, -1)
    .reduce(
      (sum, column, index) =>
        sum +
        SEPARATOR +
        Math.max(column.header.length, ...fixed.map((r) => (r[index] ?? '').length)),
      0,
    );
  return Math.max(MIN_VALUES_WIDTH, LINE_WIDTH - used);
}
