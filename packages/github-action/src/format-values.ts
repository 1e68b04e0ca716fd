import type { RowObject, Value } from '@allot/core';

/** How a secret column's value shows in logs and summaries. */
export const MASK = '***';

/** A test's rows as `col=value, …`, rows separated by ` | `, secret columns masked. */
export function formatValues(rows: readonly RowObject[], secrets: readonly string[]): string {
  return rows
    .map((row) =>
      Object.entries(row)
        .map(([column, value]) => `${column}=${secrets.includes(column) ? MASK : show(value)}`)
        .join(', '),
    )
    .join(' | ');
}

function show(value: Value): string {
  return value === null ? '∅' : String(value);
}
