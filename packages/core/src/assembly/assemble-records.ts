import type { RowObject, RowValues, Value } from '../model/block-version.js';
import type { ScenarioStep } from './assembly-records.js';
import { stepsOf, viewColumns, type LoadedView, type PrimaryRecords } from './plan-assembly.js';

/** A field of an assembled record that could not be filled, and why. */
export interface AssemblyRowError {
  /** The record's row number in the output, from 1. */
  row: number;
  step: string;
  view: string;
  /** The fields left empty. */
  fields: string[];
  message: string;
}

/** What the engine gave one record of one view: its row, or why none. */
export type ViewFill = { values: RowObject } | { reason: string };

/** What {@link assembleRecords} is given. */
export interface AssembleInput {
  primary: PrimaryRecords;
  views: readonly LoadedView[];
  steps: readonly ScenarioStep[];
  /** The fill of (view index, step name, record number from 1). */
  fill: (view: number, step: string, record: number) => ViewFill | undefined;
  /** Called after each record, for progress. */
  onRecord?: (done: number) => void;
}

/** The assembled rows of a workset, ready to become a data block version. */
export interface AssembledRecords {
  columns: string[];
  rows: RowValues[];
  errors: AssemblyRowError[];
}

/** The leading columns of every assembled record. */
export const ASSEMBLY_COLUMNS = ['record', 'step', 'record_type'] as const;

/**
 * One record per primary record and step, in primary order and then step
 * order: `record` (the primary record's number), `step`, `record_type`,
 * the primary view's fields, then each view's fields (a name already
 * taken becomes `<view>_<column>`). A view whose row could not be
 * allocated leaves its fields empty and the record carries an error: an
 * error of the row, not of the assembly.
 */
export function assembleRecords(input: AssembleInput): AssembledRecords {
  const columns: string[] = [...ASSEMBLY_COLUMNS, ...input.primary.columns];
  const taken = new Set(columns);
  const viewFields = input.views.map((view) =>
    viewColumns(view).map((column) => {
      const name = taken.has(column) ? `${view.name}_${column}` : column;
      taken.add(name);
      columns.push(name);
      return { column, name };
    }),
  );
  const drawing = input.views.map((view) => new Set(stepsOf(view, input.steps).map((s) => s.name)));
  const rows: RowValues[] = [];
  const errors: AssemblyRowError[] = [];
  input.primary.rows.forEach((primary, index) => {
    const record = index + 1;
    for (const step of input.steps) {
      const row: Value[] = [record, step.name, step.recordType ?? step.name, ...primary];
      input.views.forEach((view, v) => {
        const fields = viewFields[v]!;
        if (!drawing[v]!.has(step.name)) {
          row.push(...fields.map(() => null));
          return;
        }
        const fill = input.fill(v, step.name, record);
        if (fill === undefined || !('values' in fill)) {
          row.push(...fields.map(() => null));
          errors.push({
            row: rows.length + 1,
            step: step.name,
            view: view.name,
            fields: fields.map((f) => f.name),
            message:
              fill === undefined
                ? `no row of ${view.block}@${view.blockVersion} was allocated`
                : fill.reason,
          });
          return;
        }
        row.push(...fields.map((f) => fill.values[f.column] ?? null));
      });
      rows.push(row);
    }
    input.onRecord?.(rows.length);
  });
  return { columns, rows, errors };
}
