import type {
  DatasetChange,
  DatasetFill,
  DatasetFillResult,
  DatasetRecord,
  NewDataset,
  VariableRecord,
} from '../datasets/dataset-record.js';
import type { EventRecord, NewEvent } from '../events/event-record.js';
import type { Page } from './page.js';

/**
 * The event a write of the datasets slice records in the same atomic
 * write, as a project's journal does: no dataset or variable is added,
 * changed or deleted without its event, nor an event kept for a write that
 * did not happen. Built from the record as written (a new one's id is
 * known only inside the write; a deleted one as it was).
 */
export interface RecordJournal<R> {
  event(record: R): NewEvent;
  /** Told the stored event once the write has committed. */
  recorded?(event: EventRecord): void;
}

/** The journal of a dataset write. */
export type DatasetJournal = RecordJournal<DatasetRecord>;

/** The journal of a variable write. */
export type VariableJournal = RecordJournal<VariableRecord>;

/**
 * The datasets slice of the {@link Store}: a project's variables and its
 * datasets of values, numbered per workspace. Names are unique in a
 * project (datasets and variables apart); ids are never reused. Values of
 * a deleted dataset or variable go with it; a project's delete takes its
 * datasets and variables along. Every project has its `Default` dataset
 * from its creation (the project's create writes it), so no
 * read ever writes one.
 */
export interface DatasetStore {
  /**
   * Stores a new dataset with the next dataset id of its workspace, and the
   * journal's event with it.
   *
   * @throws {@link AllotError} `ALREADY_EXISTS` when the project has a dataset of this name.
   * @throws {@link AllotError} `NOT_FOUND` when a value names a variable the project lacks.
   */
  addDataset(dataset: NewDataset, journal?: DatasetJournal): Promise<DatasetRecord>;
  getDataset(workspace: string, id: number): Promise<DatasetRecord | undefined>;
  /** A project's datasets by id, one page of them. */
  listDatasets(workspace: string, project: number, page: Page): Promise<DatasetRecord[]>;
  countDatasets(workspace: string, project: number): Promise<number>;
  /**
   * Renames a dataset and sets some of its values, atomically, with the
   * journal's event.
   *
   * @throws {@link AllotError} `NOT_FOUND` when the dataset, or a variable a value names, does not exist.
   * @throws {@link AllotError} `ALREADY_EXISTS` when the new name is another dataset's.
   */
  updateDataset(
    workspace: string,
    id: number,
    change: DatasetChange,
    journal?: DatasetJournal,
  ): Promise<DatasetRecord>;
  /**
   * Writes a {@link DatasetFill} (variables added, datasets added or given
   * values) and the journal's event as one atomic write: all of it or
   * nothing.
   *
   * @throws {@link AllotError} `NOT_FOUND` when the project does not exist (PostgreSQL).
   */
  fillDatasets(
    fill: DatasetFill,
    journal?: RecordJournal<DatasetFillResult>,
  ): Promise<DatasetFillResult>;
  /** Deletes a dataset and its values; true when it existed. The journal's event is written with the delete, only then. */
  deleteDataset(workspace: string, id: number, journal?: DatasetJournal): Promise<boolean>;
  /**
   * Stores a new variable with the next variable id of its workspace; every
   * dataset of the project reads an empty value for it. The journal's
   * event is written with it.
   *
   * @throws {@link AllotError} `ALREADY_EXISTS` when the project has a variable of this name.
   */
  addVariable(
    workspace: string,
    project: number,
    name: string,
    journal?: VariableJournal,
  ): Promise<VariableRecord>;
  getVariable(workspace: string, id: number): Promise<VariableRecord | undefined>;
  /** A project's variables by id. */
  listVariables(workspace: string, project: number): Promise<VariableRecord[]>;
  /**
   * Renames a variable, with the journal's event.
   *
   * @throws {@link AllotError} `NOT_FOUND` when it does not exist; `ALREADY_EXISTS` when the name is taken.
   */
  renameVariable(
    workspace: string,
    id: number,
    name: string,
    journal?: VariableJournal,
  ): Promise<VariableRecord>;
  /**
   * Deletes a variable and its value in every dataset; true when it
   * existed. The journal's event (of the variable as it was) is written
   * with the delete, only then.
   */
  deleteVariable(workspace: string, id: number, journal?: VariableJournal): Promise<boolean>;
}
