import type { Row, TestRef } from '@allot/client';

/** One vendor placeholder found in a feature file's line. */
export interface Placeholder {
  kind: 'Data' | 'DataTable';
  ref: TestRef;
  /** The row index of `@Data(…)[row][column]`; 0 for `@DataTable`. */
  row: number;
  column: string;
  /** Where it starts and ends in the line. */
  start: number;
  end: number;
}

const ARGS = String.raw`((?:"[^"]*"|'[^']*'|[^()"'])*)`;
const INDEX = String.raw`\[\s*("[^"]*"|'[^']*'|[^\]]*?)\s*\]`;
const PLACEHOLDER = new RegExp(
  String.raw`@(Data|DataTable)\(${ARGS}\)(?:\[\s*(\d+)\s*\])?${INDEX}`,
  'g',
);
const ARG = /\s*([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^,]*?))\s*(?:,|$)/gy;

const KEYS: Record<string, keyof TestRef> = {
  poolName: 'pool',
  pool: 'pool',
  suiteName: 'suite',
  suite: 'suite',
  test: 'test',
  testName: 'test',
  allocationTestName: 'test',
};

/**
 * The vendor placeholders of a line:
 * `@Data(poolName="p", suiteName="s", test="t")[row][column]` and
 * `@DataTable(poolName="p", suiteName="s", test="t")[column]`. Values may be
 * quoted with `"` or `'`, or bare. Throws naming what is wrong.
 */
export function findPlaceholders(line: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of line.matchAll(PLACEHOLDER)) {
    const [text, kind, args = '', row, column = ''] = match;
    if (kind === 'Data' && row === undefined) {
      throw new Error(
        `${text}: @Data needs a row and a column, e.g. @Data(poolName="p", suiteName="s", test="t")[0][email]`,
      );
    }
    if (kind === 'DataTable' && row !== undefined) {
      throw new Error(
        `${text}: @DataTable takes a column only (one table row per allocated row), e.g. @DataTable(…)[email]`,
      );
    }
    found.push({
      kind: kind as 'Data' | 'DataTable',
      ref: parseArgs(text, args),
      row: row === undefined ? 0 : Number(row),
      column: unquote(column),
      start: match.index,
      end: match.index + text.length,
    });
  }
  return found;
}

function parseArgs(text: string, args: string): TestRef {
  const ref: Partial<TestRef> = {};
  ARG.lastIndex = 0;
  let consumed = 0;
  for (let match = ARG.exec(args); match !== null && match[0] !== ''; match = ARG.exec(args)) {
    const key = KEYS[match[1] ?? ''];
    if (key === undefined)
      throw new Error(`${text}: unknown argument "${match[1]}"; use poolName, suiteName and test`);
    ref[key] = match[2] ?? match[3] ?? (match[4] ?? '').trim();
    consumed = ARG.lastIndex;
  }
  if (args.slice(consumed).trim() !== '')
    throw new Error(`${text}: cannot read the arguments after "${args.slice(0, consumed)}"`);
  for (const key of ['pool', 'suite', 'test'] as const) {
    if (ref[key] === undefined || ref[key] === '') {
      throw new Error(
        `${text}: ${key === 'pool' ? 'poolName' : key === 'suite' ? 'suiteName' : 'test'} is missing`,
      );
    }
  }
  return ref as TestRef;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** Rows of every test named by placeholders, by {@link refKey}. */
export type RowsByTest = ReadonlyMap<string, readonly Row[]>;

export function refKey(ref: TestRef): string {
  return `${ref.pool}\u0000${ref.suite}\u0000${ref.test}`;
}

/**
 * A line with its placeholders replaced. A table row holding `@DataTable`
 * cells becomes one row per allocated row of the first `@DataTable` test;
 * anywhere else `@DataTable` stands for the first row. Table cells are
 * escaped (`|`, `\`, newlines); step text gets newlines as spaces.
 */
export function rewriteLine(line: string, rows: RowsByTest): string[] {
  const placeholders = findPlaceholders(line);
  if (placeholders.length === 0) return [line];
  const inTable = line.trimStart().startsWith('|');
  const table = placeholders.find((p) => p.kind === 'DataTable');
  const copies = table !== undefined && inTable ? rowsOf(table, rows).length : 1;
  const lines: string[] = [];
  for (let copy = 0; copy < copies; copy += 1) {
    let out = '';
    let at = 0;
    for (const p of placeholders) {
      const value = valueOf(p, p.kind === 'DataTable' ? copy : p.row, rows);
      out += line.slice(at, p.start) + (inTable ? escapeCell(value) : value.replace(/\r?\n/g, ' '));
      at = p.end;
    }
    lines.push(out + line.slice(at));
  }
  return lines;
}

function rowsOf(p: Placeholder, rows: RowsByTest): readonly Row[] {
  const found = rows.get(refKey(p.ref));
  if (found === undefined)
    throw new Error(
      `no values for pool "${p.ref.pool}", suite "${p.ref.suite}", test "${p.ref.test}"`,
    );
  return found;
}

function valueOf(p: Placeholder, index: number, rows: RowsByTest): string {
  const all = rowsOf(p, rows);
  const row = all[index];
  const name = `pool "${p.ref.pool}", suite "${p.ref.suite}", test "${p.ref.test}"`;
  if (row === undefined)
    throw new Error(`${name} has ${all.length} row(s); there is no row ${index}`);
  if (!Object.hasOwn(row, p.column)) {
    throw new Error(
      `${name} has no column "${p.column}"; its columns are ${Object.keys(row).join(', ') || '(none)'}`,
    );
  }
  const value = row[p.column];
  return value === null || value === undefined ? '' : String(value);
}

function escapeCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '\\n');
}
