import type { Row } from '@allot/client';

/** What a masked value shows, as `allot run` shows secrets in its table. */
export const MASK = '***';

/**
 * Column names masked even when nobody declared them secret: anything with
 * password, secret, token, credential or api key in it, and pin, pwd or otp
 * as a whole name.
 */
export const SECRET_NAME_PATTERN =
  /password|passwd|secret|token|credential|api[-_]?key|^(pin|pwd|otp|passcode)$/i;

/** True when a column's values must not reach a report. */
export function isSecretColumn(column: string, declared: ReadonlySet<string>): boolean {
  return declared.has(column) || SECRET_NAME_PATTERN.test(column);
}

/** Copies of the rows with every secret column's value replaced by {@link MASK} (nulls stay null). */
export function maskRows(rows: readonly Row[], declared: ReadonlySet<string>): Row[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([column, value]) => [
        column,
        value !== null && isSecretColumn(column, declared) ? MASK : value,
      ]),
    ),
  );
}
