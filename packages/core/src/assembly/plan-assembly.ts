import { compileWhere } from '../find/compile-where.js';
import type { RowValues, Value } from '../model/block-version.js';
import type {
  AllocationTest,
  ColumnCondition,
  Find,
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

/** What {@link assemblyGroups} is given. */
export interface AssemblyGroupsInput {
  primary: PrimaryRecords;
  views: readonly LoadedView[];
  steps: readonly ScenarioStep[];
}

/** A record's place in a view: which view, step and primary record (from 1). */
export interface RecordSlot {
  view: number;
  step: string;
  record: number;
}

/** The records of one view whose rows one find selects: the engine allocates them together. */
export interface AssemblyGroup {
  view: number;
  find: Find;
  columns: string[];
  /** In primary order, then step order. */
  slots: RecordSlot[];
}

/**
 * The records of every related view grouped by the find that selects their
 * rows: the view's `where` and, for each `match`, equality with the primary
 * record's field. Records of one group need distinct rows of one find, so
 * one allocation test per group asks for all of them at once, and the
 * engine's matching keeps every row distinct across groups and views.
 *
 * @throws {@link AssemblyInputError} for a `match` naming a field the primary records lack.
 */
export function assemblyGroups(input: AssemblyGroupsInput): AssemblyGroup[] {
  const groups: AssemblyGroup[] = [];
  input.views.forEach((view, v) => {
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
    const steps = stepsOf(view, input.steps);
    const byFind = new Map<string, AssemblyGroup>();
    input.primary.rows.forEach((row, index) => {
      const where = recordWhere(view.body.where, match, row);
      const key = JSON.stringify(where ?? null);
      let group = byFind.get(key);
      if (group === undefined) {
        group = {
          view: v,
          find: where === undefined ? { from } : { from, where },
          columns,
          slots: [],
        };
        byFind.set(key, group);
        groups.push(group);
      }
      for (const step of steps) group.slots.push({ view: v, step: step.name, record: index + 1 });
    });
  });
  return groups;
}

/** What {@link assemblyPool} makes a pool of. */
export interface AssemblyPoolInput {
  name: string;
  view: LoadedView;
  /** The view's groups, with their numbers in the assembly's list. */
  groups: ReadonlyArray<{ index: number; group: AssemblyGroup }>;
  /** One test per record (`<group>.<slot>`, count 1) instead of one per group (count: its records). */
  perRecord: boolean;
}

/**
 * The allocation pool of one view's groups: keyed by the view's `key` (its
 * data set's first column when omitted).
 *
 * @throws {@link AssemblyInputError} for a key column the data set lacks.
 */
export function assemblyPool(input: AssemblyPoolInput): PoolDefinition {
  const { view } = input;
  const key = view.body.key ?? view.columns[0]!;
  if (!view.columns.includes(key))
    throw new AssemblyInputError(
      `views.${view.name}.key`,
      `"${key}" is not a column of ${view.block}`,
    );
  const tests: AllocationTest[] = input.groups.flatMap(({ index, group }) => {
    const base = { find: group.find, columns: [...group.columns], consume: false, readOnly: false };
    return input.perRecord
      ? group.slots.map((_, slot) => ({
          ...base,
          suite: 'record',
          test: `${index}.${slot}`,
          count: 1,
        }))
      : [{ ...base, suite: 'group', test: String(index), count: group.slots.length }];
  });
  return {
    name: input.name,
    description: `rows of data view ${view.name} ${view.version} for an assembly`,
    key,
    blocks: [{ name: view.block }],
    secrets: [],
    tests,
  };
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
