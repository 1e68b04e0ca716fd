import { compileWhere } from '../find/compile-where.js';
import type { RowValues, Value } from '../model/block-version.js';
import type {
  AllocationTest,
  ColumnCondition,
  PoolDefinition,
  Where,
} from '../model/pool-definition.js';
import { AssemblyInputError } from './assembly-input-error.js';
import type { DataViewBody, ScenarioStep } from './assembly-records.js';

/** A data view with the data block version the workset binds it to. */
export interface LoadedView {
  name: string;
  version: string;
  body: DataViewBody;
  /** The bound data block version. */
  block: string;
  blockVersion: string;
  /** The block version's columns. */
  columns: string[];
}

/** The primary records of an assembly: one per row of the primary data set the primary view keeps. */
export interface PrimaryRecords {
  columns: string[];
  rows: RowValues[];
}

/**
 * The primary view applied to its data set's rows: its `where` keeps rows,
 * its `columns` project them.
 *
 * @throws {@link AssemblyInputError} for a column the data set lacks.
 */
export function primaryRecords(view: LoadedView, rows: readonly RowValues[]): PrimaryRecords {
  const keep = compileWhere(view.body.where, view.columns, `views.${view.name}.where`);
  const columns = viewColumns(view);
  const indexes = columns.map((column) => view.columns.indexOf(column));
  return {
    columns,
    rows: rows.filter(keep).map((row) => indexes.map((index) => row[index] ?? null)),
  };
}

/** The columns a view keeps, checked against its data set. */
export function viewColumns(view: LoadedView): string[] {
  const columns = view.body.columns ?? view.columns;
  for (const column of columns) {
    if (!view.columns.includes(column))
      throw new AssemblyInputError(
        `views.${view.name}.columns`,
        `"${column}" is not a column of ${view.block}@${view.blockVersion} (columns: ${view.columns.join(', ')})`,
      );
  }
  return columns;
}

/** The steps that draw from a view. */
export function stepsOf(view: LoadedView, steps: readonly ScenarioStep[]): ScenarioStep[] {
  return steps.filter((step) => step.views === undefined || step.views.includes(view.name));
}

/** What {@link assemblyPools} is given. */
export interface AssemblyPoolsInput {
  /** Prefix of the pools' names, unique to the assembly. */
  prefix: string;
  primary: PrimaryRecords;
  views: readonly LoadedView[];
  steps: readonly ScenarioStep[];
}

/**
 * One allocation pool per related view, with one test per primary record
 * and step that draws from the view (suite: the step, test: the record's
 * number from 1): the view's `where` and, for each `match`, equality with
 * the primary record's field. The engine then hands every record its own
 * rows, leased to the assembly.
 *
 * @throws {@link AssemblyInputError} for a `match` naming a field the primary records lack, or a key column the block lacks.
 */
export function assemblyPools(input: AssemblyPoolsInput): PoolDefinition[] {
  return input.views.map((view, index) => {
    const key = view.body.key ?? view.columns[0]!;
    if (!view.columns.includes(key))
      throw new AssemblyInputError(
        `views.${view.name}.key`,
        `"${key}" is not a column of ${view.block}`,
      );
    const match = Object.entries(view.body.match ?? {}).map(([column, field]) => {
      const at = input.primary.columns.indexOf(field);
      if (at < 0)
        throw new AssemblyInputError(
          `views.${view.name}.match.${column}`,
          `"${field}" is not a field of the primary view (fields: ${input.primary.columns.join(', ')})`,
        );
      return { column, at };
    });
    const columns = viewColumns(view);
    const from = `${view.block}@${view.blockVersion}`;
    const tests: AllocationTest[] = [];
    for (const step of stepsOf(view, input.steps)) {
      input.primary.rows.forEach((row, record) => {
        tests.push({
          suite: step.name,
          test: String(record + 1),
          find: { from, where: recordWhere(view.body.where, match, row) },
          count: 1,
          columns: [...columns],
          consume: false,
          readOnly: false,
        });
      });
    }
    return {
      name: `${input.prefix}.${index + 1}`,
      description: `rows of data view ${view.name} ${view.version} for an assembly`,
      key,
      blocks: [{ name: view.block }],
      secrets: [],
      tests,
    };
  });
}

function recordWhere(
  where: Where | undefined,
  match: ReadonlyArray<{ column: string; at: number }>,
  row: RowValues,
): Where | undefined {
  if (match.length === 0) return where;
  const equal: Where = {};
  for (const { column, at } of match) {
    const condition: ColumnCondition = { eq: row[at] ?? (null as Value) };
    equal[column] = condition;
  }
  return where === undefined ? equal : { and: [where, equal] };
}
