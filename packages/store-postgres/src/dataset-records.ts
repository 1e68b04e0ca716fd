import {
  AllotError,
  datasetExistsError,
  datasetNotFoundError,
  variableExistsError,
  variableNotFoundError,
  type DatasetChange,
  type DatasetRecord,
  type NewDataset,
  type Page,
  type VariableRecord,
} from '@allot/core';
import type pg from 'pg';
import type { PoolQueries } from './pool-queries.js';
import { SQLSTATE, sqlState, storeFailure } from './pg-errors.js';
import { runInTransaction } from './run-in-transaction.js';

type DatasetRow = { record: DatasetRecord };
type VariableRow = { record: VariableRecord };

const FOREIGN_KEY_VIOLATION = '23503';

/** Inserts a dataset and its values in one statement. */
export async function addDataset(db: PoolQueries, dataset: NewDataset): Promise<DatasetRecord> {
  const { workspace, project } = dataset;
  const keys = Object.keys(dataset.values);
  let result;
  try {
    result = await db.sql.run<{ id: string }>(db.pool, 'insert-dataset', {
      workspace,
      project,
      name: dataset.name,
      values: JSON.stringify(dataset.values),
      variables: keys.length,
    });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) throw datasetExistsError(dataset.name);
    throw mapProjectGone(error, project, 'add a dataset');
  }
  const row = result.rows[0];
  if (row === undefined) {
    const known = new Set((await listVariables(db, workspace, project)).map((v) => String(v.id)));
    throw variableNotFoundError(Number(keys.find((key) => !known.has(key)) ?? keys[0]));
  }
  return {
    id: Number(row.id),
    workspace,
    project,
    name: dataset.name,
    isDefault: false,
    values: { ...dataset.values },
  };
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

/** Renames a dataset and sets values, its row locked from the read to the write. */
export function updateDataset(
  db: PoolQueries,
  target: { workspace: string; id: number },
  change: DatasetChange,
): Promise<DatasetRecord> {
  const { workspace, id } = target;
  return runInTransaction(
    db.pool,
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
    {
      what: 'update a dataset',
      mapError: (error) =>
        sqlState(error) === SQLSTATE.uniqueViolation && change.name !== undefined
          ? datasetExistsError(change.name)
          : error,
    },
  );
}

export async function deleteDataset(
  db: PoolQueries,
  workspace: string,
  id: number,
): Promise<boolean> {
  const result = await db.query('delete a dataset', 'delete-dataset', { workspace, id });
  return (result.rowCount ?? 0) > 0;
}

export async function addVariable(
  db: PoolQueries,
  target: { workspace: string; project: number },
  name: string,
): Promise<VariableRecord> {
  try {
    const result = await db.sql.run<VariableRow>(db.pool, 'insert-variable', {
      ...target,
      name,
    });
    return (result.rows[0] as VariableRow).record;
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) throw variableExistsError(name);
    throw mapProjectGone(error, target.project, 'add a variable');
  }
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

export async function renameVariable(
  db: PoolQueries,
  target: { workspace: string; id: number },
  name: string,
): Promise<VariableRecord> {
  let result;
  try {
    result = await db.sql.run<VariableRow>(db.pool, 'rename-variable', { ...target, name });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) throw variableExistsError(name);
    throw storeFailure(error, 'rename a variable');
  }
  const row = result.rows[0];
  if (row === undefined) throw variableNotFoundError(target.id);
  return row.record;
}

export async function deleteVariable(
  db: PoolQueries,
  workspace: string,
  id: number,
): Promise<boolean> {
  const result = await db.query('delete a variable', 'delete-variable', { workspace, id });
  return (result.rowCount ?? 0) > 0;
}

async function putValues(
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

function mapProjectGone(error: unknown, project: number, what: string): unknown {
  if (sqlState(error) === FOREIGN_KEY_VIOLATION)
    return new AllotError('NOT_FOUND', `project ${project} does not exist`, { project });
  return storeFailure(error, what);
}
