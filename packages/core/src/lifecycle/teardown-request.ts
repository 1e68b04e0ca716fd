import { AllotError } from '../errors.js';
import type { Value } from '../model/block-version.js';
import { isHttpTeardown } from '../model/pool-definition.js';
import type { SqlStatement } from '../engine/resolution-database.js';
import type { MadeRowRecord } from './made-row-record.js';

/** A teardown ready to run: a statement for a resolution server, or an HTTP request. */
export type TeardownRequest =
  | { kind: 'sql'; server: string; statement: SqlStatement }
  | {
      kind: 'http';
      method: string;
      url: string;
      /** Header values read from the environment; callers never log them. */
      headers: Record<string, string>;
    };

const ROW_FIELD = /\{\{\s*row\.([^}\s]+)\s*\}\}/g;

/**
 * Binds a made row's teardown: each `:name` of a statement to the row's
 * column `name`, each `{{row.name}}` of a URL to its URL-encoded value,
 * and each header to the environment variable it names.
 *
 * @throws {@link AllotError} `INVALID_INPUT` naming a column the row lacks or a variable that is not set
 */
export function teardownRequest(
  row: Pick<MadeRowRecord, 'teardown' | 'columns' | 'values' | 'server'>,
  env: Readonly<Record<string, string | undefined>>,
): TeardownRequest {
  const { teardown } = row;
  if (teardown === null) throw new AllotError('INVALID_INPUT', 'this made row has no teardown');
  const valueOf = (column: string): Value => {
    const index = row.columns.indexOf(column);
    if (index < 0) {
      throw new AllotError(
        'UNKNOWN_COLUMN',
        `the teardown names column "${column}", which the made row does not have (its columns: ${row.columns.join(', ')})`,
      );
    }
    return row.values[index] ?? null;
  };
  if (!isHttpTeardown(teardown)) {
    if (row.server === null) {
      throw new AllotError(
        'INVALID_INPUT',
        'a SQL teardown runs on the resolution server of an insert make; this row was made in a data block',
      );
    }
    // Every column is offered: the database binds the ones the statement names.
    const params: Record<string, Value> = {};
    row.columns.forEach((column, index) => (params[column] = row.values[index] ?? null));
    return { kind: 'sql', server: row.server, statement: { sql: teardown.sql, params } };
  }
  const url = teardown.http.url.replace(ROW_FIELD, (_, column: string) =>
    encodeURIComponent(String(valueOf(column) ?? '')),
  );
  const headers: Record<string, string> = {};
  for (const [name, variable] of Object.entries(teardown.http.headers ?? {})) {
    const value = env[variable];
    if (value === undefined || value === '') {
      throw new AllotError(
        'INVALID_INPUT',
        `the teardown's header ${name} comes from environment variable ${variable}, which is not set`,
      );
    }
    headers[name] = value;
  }
  return { kind: 'http', method: teardown.http.method, url, headers };
}
