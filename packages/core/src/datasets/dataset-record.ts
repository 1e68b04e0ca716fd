/**
 * Datasets of variables (TestRail's shape): a project has named variables,
 * and named datasets that give each variable a string value. Plain data
 * only: stored as JSON.
 */

/** A variable of a project: a name its datasets give a value. */
export interface VariableRecord {
  /** Numbered per workspace from 1; never reused. */
  id: number;
  workspace: string;
  project: number;
  name: string;
}

/** A dataset of a project: one value for each of the project's variables. */
export interface DatasetRecord {
  /** Numbered per workspace from 1; never reused. */
  id: number;
  workspace: string;
  project: number;
  name: string;
  /** The project's `Default` dataset, which every project has and none may delete. */
  isDefault: boolean;
  /**
   * Values by variable id (as a string key). A variable with no entry reads
   * as the empty string: adding a variable gives every dataset an empty
   * value without rewriting them all.
   */
  values: Record<string, string>;
}

/** A dataset to add: the store numbers it. */
export type NewDataset = Omit<DatasetRecord, 'id' | 'isDefault'>;

/** A change to a dataset: a new name, and values to set (others stay). */
export interface DatasetChange {
  name?: string;
  values?: Record<string, string>;
}

/** The name of the dataset every project has. */
/**
 * Datasets of a project written by name in one atomic write (a job's
 * results becoming datasets): values are by variable *name*; variables the
 * project lacks are added, a dataset of a name the project has gets the
 * values (others keep theirs), any other is added.
 */
export interface DatasetFill {
  workspace: string;
  project: number;
  datasets: ReadonlyArray<{ name: string; values: Record<string, string> }>;
}

/** What a {@link DatasetFill} wrote: dataset ids added and updated, variable names added. */
export interface DatasetFillResult {
  workspace: string;
  project: number;
  created: number[];
  updated: number[];
  variablesAdded: string[];
}

export const DEFAULT_DATASET_NAME = 'Default';

/** A dataset's value for each variable, in the variables' order; missing values read as "". */
export function datasetValues(
  dataset: DatasetRecord,
  variables: readonly VariableRecord[],
): Array<{ id: number; name: string; value: string }> {
  return variables.map((v) => ({
    id: v.id,
    name: v.name,
    value: dataset.values[String(v.id)] ?? '',
  }));
}
