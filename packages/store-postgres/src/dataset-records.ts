import {
  AllotError,
  datasetExistsError,
  datasetNotFoundError,
  variableExistsError,
  variableNotFoundError,
  type DatasetChange,
  type DatasetJournal,
  type RecordJournal,
  type VariableJournal,
  type DatasetRecord,
  type EventRecord,
  type NewDataset,
  type Page,
  type VariableRecord,
} from '@allot/core';
import type pg from 'pg';
import { appendEventOn } from './event-log.js';
import type { PoolQueries } from './pool-queries.js';
import { SQLSTATE, sqlState, storeFailure } from './pg-errors.js';
import { runInTransaction } from './run-in-transaction.js';

export type DatasetRow = { record: DatasetRecord };
export type VariableRow = { record: VariableRecord };

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Inserts a dataset and its values in one statement; with a journal, in one
 * transaction with its event, so a refused event leaves no dataset (nor a
 * number used up).
 */
export async function addDataset(
  db: PoolQueries,
  dataset: NewDataset,
  journal?: DatasetJournal,
): Promise<DatasetRecord> {
  const { workspace, project } = dataset;
  const keys = Object.keys(dataset.values);
  const insert = async (client: pg.Pool | pg.PoolClient) => {
    const result = await db.sql.run<{ id: string }>(client, 'insert-dataset', {
      workspace,
      project,
      name: dataset.name,
      values: JSON.stringify(dataset.values),
      variables: keys.length,
    });
    const row = result.rows[0];
    if (row === undefined) {
      const known = new Set((await listVariables(db, workspace, project)).map((v) => String(v.id)));
      throw variableNotFoundError(Number(keys.find((key) => !known.has(key)) ?? keys[0]));
    }
    const added: DatasetRecord = {
      id: Number(row.id),
      workspace,
      project,
      name: dataset.name,
      isDefault: false,
      values: { ...dataset.values },
    };
    return added;
  };
  const mapError = (error: unknown) => {
    if (sqlState(error) === SQLSTATE.uniqueViolation) return datasetExistsError(dataset.name);
    return mapProjectGone(error, project, 'add a dataset');
  };
  return withPoolOrJournal(db, journal, 'add a dataset', insert, mapError);
}

/**
 * A single-statement write: alone on the pool without a journal (no
 * transaction to pay for), else in a transaction with its event.
 */
async function withPoolOrJournal<R>(
  db: PoolQueries,
  journal: RecordJournal<R> | undefined,
  what: string,
  write: (client: pg.Pool | pg.PoolClient) => Promise<R>,
  mapError: (error: unknown) => unknown,
): Promise<R> {
  if (journal !== undefined) return withJournal(db, journal, what, write, mapError);
  try {
    return await write(db.pool);
  } catch (error) {
    throw mapError(error);
  }
}

/**
 * Runs a dataset or variable write and appends the journal's event in one
 * transaction (no event when the write found nothing); tells the journal
 * the event once committed.
 */
export async function withJournal<R>(
  db: PoolQueries,
  journal: RecordJournal<NonNullable<R>> | undefined,
  what: string,
  write: (client: pg.PoolClient) => Promise<R>,
  mapError?: (error: unknown) => unknown,
): Promise<R> {
  let recorded: EventRecord | undefined;
  const written = await runInTransaction(
    db.pool,
    async (client) => {
      const record = await write(client);
      if (journal !== undefined && record !== undefined && record !== null)
        recorded = await appendEventOn(db.sql, client, journal.event(record));
      return record;
    },
    { what, ...(mapError === undefined ? {} : { mapError }) },
  );
  if (recorded !== undefined) journal?.recorded?.(recorded);
  return written;
}

export async function getDataset(
  db: PoolQueries,
  workspace: string,
  id: number,
): Promise<DatasetRecord | undefined> {
  const result = await db.query<DatasetRow>('read a dataset', 'get-dataset', { workspace, id });
  return result.rows[0]?.record;
}

export async function listDatasets(
  db: PoolQueries,
  workspace: string,
  project: number,
  page: Page,
): Promise<DatasetRecord[]> {
  const result = await db.query<DatasetRow>('list datasets', 'list-datasets', {
    workspace,
    project,
    limit: page.limit,
    offset: page.offset,
  });
  return result.rows.map((row) => row.record);
}

export async function countDatasets(
  db: PoolQueries,
  workspace: string,
  project: number,
): Promise<number> {
  const result = await db.query<{ count: number }>('count datasets', 'count-datasets', {
    workspace,
    project,
  });
  return result.rows[0]?.count ?? 0;
}

/**
 * Renames a dataset and sets values, its row locked from the read to the
 * write, and appends the journal's event in the same transaction.
 */
export function updateDataset(
  db: PoolQueries,
  target: { workspace: string; id: number },
  change: DatasetChange,
  journal?: DatasetJournal,
): Promise<DatasetRecord> {
  const { workspace, id } = target;
  return withJournal(
    db,
    journal,
    'update a dataset',
    async (client) => {
      const locked = await db.sql.run<{ project: string }>(client, 'lock-dataset', {
        workspace,
        id,
      });
      const row = locked.rows[0];
      if (row === undefined) throw datasetNotFoundError(id);
      if (change.name !== undefined)
        await db.sql.run(client, 'rename-dataset', { workspace, id, name: change.name });
      const project = Number(row.project);
      await putValues(db, client, { workspace, project, dataset: id }, change.values ?? {});
      return readDataset(db, client, workspace, id);
    },
    (error) =>
      sqlState(error) === SQLSTATE.uniqueViolation && change.name !== undefined
        ? datasetExistsError(change.name)
        : error,
  );
}

/**
 * Deletes a dataset; with a journal, the dataset as it was is read, locked,
 * and its event appended in the delete's transaction.
 */
export async function deleteDataset(
  db: PoolQueries,
  workspace: string,
  id: number,
  journal?: DatasetJournal,
): Promise<boolean> {
  if (journal === undefined) {
    const result = await db.query('delete a dataset', 'delete-dataset', { workspace, id });
    return (result.rowCount ?? 0) > 0;
  }
  const deleted = await withJournal<DatasetRecord | undefined>(
    db,
    journal,
    'delete a dataset',
    async (client) => {
      const locked = await db.sql.run(client, 'lock-dataset', { workspace, id });
      if (locked.rows.length === 0) return undefined;
      const dataset = await readDataset(db, client, workspace, id);
      await db.sql.run(client, 'delete-dataset', { workspace, id });
      return dataset;
    },
  );
  return deleted !== undefined;
}

/** Inserts a variable; with a journal, in one transaction with its event. */
export async function addVariable(
  db: PoolQueries,
  target: { workspace: string; project: number },
  name: string,
  journal?: VariableJournal,
): Promise<VariableRecord> {
  const insert = async (client: pg.Pool | pg.PoolClient) => {
    const result = await db.sql.run<VariableRow>(client, 'insert-variable', { ...target, name });
    return (result.rows[0] as VariableRow).record;
  };
  const mapError = (error: unknown) =>
    sqlState(error) === SQLSTATE.uniqueViolation
      ? variableExistsError(name)
      : mapProjectGone(error, target.project, 'add a variable');
  return withPoolOrJournal(db, journal, 'add a variable', insert, mapError);
}

export async function getVariable(
  db: PoolQueries,
  workspace: string,
  id: number,
): Promise<VariableRecord | undefined> {
  const result = await db.query<VariableRow>('read a variable', 'get-variable', {
    workspace,
    id,
  });
  return result.rows[0]?.record;
}

export async function listVariables(
  db: PoolQueries,
  workspace: string,
  project: number,
): Promise<VariableRecord[]> {
  const result = await db.query<VariableRow>('list variables', 'list-variables', {
    workspace,
    project,
  });
  return result.rows.map((row) => row.record);
}

/** Renames a variable; with a journal, in one transaction with its event. */
export async function renameVariable(
  db: PoolQueries,
  target: { workspace: string; id: number },
  name: string,
  journal?: VariableJournal,
): Promise<VariableRecord> {
  const rename = async (client: pg.Pool | pg.PoolClient) => {
    const result = await db.sql.run<VariableRow>(client, 'rename-variable', { ...target, name });
    const row = result.rows[0];
    if (row === undefined) throw variableNotFoundError(target.id);
    return row.record;
  };
  const mapError = (error: unknown) =>
    sqlState(error) === SQLSTATE.uniqueViolation
      ? variableExistsError(name)
      : storeFailure(error, 'rename a variable');
  return withPoolOrJournal(db, journal, 'rename a variable', rename, mapError);
}

/**
 * Deletes a variable (its values go with it); with a journal, the variable
 * as it was is read and its event appended in the delete's transaction.
 */
export async function deleteVariable(
  db: PoolQueries,
  workspace: string,
  id: number,
  journal?: VariableJournal,
): Promise<boolean> {
  if (journal === undefined) {
    const result = await db.query('delete a variable', 'delete-variable', { workspace, id });
    return (result.rowCount ?? 0) > 0;
  }
  const deleted = await withJournal<VariableRecord | undefined>(
    db,
    journal,
    'delete a variable',
    async (client) => {
      const gone = await db.sql.run<VariableRow>(client, 'delete-variable', {
        workspace,
        id,
      });
      return gone.rows[0]?.record;
    },
  );
  return deleted !== undefined;
}

export async function putValues(
  db: PoolQueries,
  client: pg.PoolClient,
  target: { workspace: string; project: number; dataset: number },
  values: Record<string, string>,
): Promise<void> {
  const keys = Object.keys(values);
  if (keys.length === 0) return;
  const result = await db.sql.run(client, 'put-dataset-values', {
    ...target,
    values: JSON.stringify(values),
  });
  if ((result.rowCount ?? 0) < keys.length) {
    // Some key named no variable of the project: find which, for the message.
    const known = await db.sql.run<VariableRow>(client, 'list-variables', {
      workspace: target.workspace,
      project: target.project,
    });
    const ids = new Set(known.rows.map((row) => String(row.record.id)));
    const missing = keys.find((key) => !ids.has(key)) ?? keys[0];
    throw variableNotFoundError(Number(missing));
  }
}

async function readDataset(
  db: PoolQueries,
  client: pg.PoolClient,
  workspace: string,
  id: number,
): Promise<DatasetRecord> {
  const result = await db.sql.run<DatasetRow>(client, 'get-dataset', { workspace, id });
  const row = result.rows[0];
  if (row === undefined) throw datasetNotFoundError(id);
  return row.record;
}

export function mapProjectGone(error: unknown, project: number, what: string): unknown {
  if (sqlState(error) === FOREIGN_KEY_VIOLATION)
    return new AllotError('NOT_FOUND', `project ${project} does not exist`, { project });
  return storeFailure(error, what);
}
