import type { RowObject, Value } from './model/block-version.js';

/** How a secret column's value shows in tables, logs and summaries. */
export const MASK = '***';

/**
 * A test's rows as `col=value, …`, rows separated by ` | `, with the values of
 * secret columns masked: tables end up in CI logs, passwords must not.
 */
export function formatValues(rows: readonly RowObject[], secrets: readonly string[]): string {
  return rows
    .map((row) =>
      Object.entries(row)
        .map(([column, value]) => `${column}=${secrets.includes(column) ? MASK : showValue(value)}`)
        .join(', '),
    )
    .join(' | ');
}

function showValue(value: Value): string {
  if (value === null) return '∅';
  return String(value);
}
