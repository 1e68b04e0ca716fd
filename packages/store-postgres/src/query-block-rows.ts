import type { ODataQuery, RowValues } from '@allot/core';
import type pg from 'pg';
import { chainOf } from './block-versions.js';
import { compileWhereSql, type WhereSqlContext } from './compile-where-sql.js';
import { extractedCell } from './gather-candidates.js';
import { toPositional } from './named-parameters.js';
import type { StoredVersion } from './records.js';
import type { SqlRunner } from './sql-runner.js';

/** Where a list query reads: one version of a block, with every version of it for the chain. */
export interface RowsTarget {
  workspace: string;
  block: string;
  version: string;
  versions: readonly StoredVersion[];
  columns: readonly string[];
}

/**
 * A page of a block version's rows that a list query selects, ordered and
 * paged in SQL with the answers of core's `runODataQuery`: the filter by
 * compile-where-sql.ts, the order as `compareODataRows` (empties last,
 * numbers before text, text by code point under the C collation, ties in
 * row order). Undefined when the filter does not compile to SQL (a date
 * range): the caller then runs the query in memory.
 */
export async function queryBlockRows(
  sql: SqlRunner,
  db: pg.Pool,
  target: RowsTarget,
  query: ODataQuery,
): Promise<{ rows: RowValues[]; count: number } | undefined> {
  const chain = chainOf(target.versions, target.version);
  if (chain === undefined) return undefined;
  const values: Record<string, unknown> = {
    workspace: target.workspace,
    block: target.block,
    top: query.top,
    skip: query.skip,
  };
  let bound = 0;
  const cells = new Map<string, string>();
  const context: WhereSqlContext = {
    bind: (value, type) => {
      const name = `filter_${++bound}`;
      values[name] = value;
      return `:${name}::${type}`;
    },
    cell: (index) => extractedCell(integer(index), cells),
  };
  const filter = compileWhereSql(query.where, target.columns, context);
  if (filter === undefined) return undefined;
  const order = query.order.map(({ column, direction }) => {
    const cell = context.cell(target.columns.indexOf(column));
    const level = (name: string) => name.replace(/^c\./, 's.');
    const text = level(cell.text);
    const number = level(cell.number);
    const dir = direction === 'desc' ? 'DESC' : 'ASC';
    // Text orders only non-empty cells that are no numbers: equal numbers and empties tie, as in memory.
    return `(${text} IS NULL OR ${text} = '') ASC, (${number} IS NULL) ASC, ${number} ${dir}, (CASE WHEN ${number} IS NULL AND ${text} <> '' THEN ${text} END) COLLATE "C" ${dir},`;
  });
  let base = 0;
  const links = chain.map(({ stored, own }, i) => {
    values[`version_${i}`] = stored.version;
    values[`base_${i}`] = base;
    base += own;
    return `SELECT :base_${i}::bigint + b.ordinal AS n, b.cells, b.kinds FROM block_rows b WHERE b.workspace = :workspace AND b.block = :block AND b.version = :version_${i}`;
  });
  const extracted = [...cells].map(([name, text]) => `${text} AS ${name}`);
  const fill = (text: string) =>
    text
      .replace('/*chain*/', () => links.join('\nUNION ALL\n'))
      .replace('/*extracted*/', () => (extracted.length === 0 ? '' : `${extracted.join(', ')},`))
      .replace('/*filter*/', () => filter)
      .replace('/*order*/', () => order.join(' '));
  const rows =
    query.top === 0
      ? []
      : (
          await db.query<{ row: string }>(
            toPositional(fill(sql.text('query-block-rows')), values, { keep: false }),
          )
        ).rows.map((r) => JSON.parse(r.row) as RowValues);
  const { top: _top, skip: _skip, ...countValues } = values;
  const counted = await db.query<{ count: string }>(
    toPositional(fill(sql.text('count-block-rows')), countValues, { keep: false }),
  );
  return { rows, count: Number(counted.rows[0]?.count ?? 0) };
}

function integer(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a column index: ${value}`);
  return value;
}
