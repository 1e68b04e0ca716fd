import {
  projectExistsError,
  projectNotFoundError,
  type NewProject,
  type Page,
  type ProjectRecord,
} from '@allot/core';
import type { PoolQueries } from './pool-queries.js';
import { SQLSTATE, sqlState, storeFailure } from './pg-errors.js';
import { runInTransaction } from './run-in-transaction.js';

type RecordRow = { record: ProjectRecord };

/** Stores a new project numbered by its workspace's counter; ALREADY_EXISTS when name and version are taken. */
export async function createProject(db: PoolQueries, project: NewProject): Promise<ProjectRecord> {
  try {
    const result = await db.sql.run<RecordRow>(db.pool, 'insert-project', {
      workspace: project.workspace,
      name: project.name,
      version: project.version,
      description: project.description,
      tags: JSON.stringify(project.tags),
      members: JSON.stringify(project.members),
      created_by: project.createdBy,
      created_at: project.createdAt,
      updated_at: project.updatedAt,
    });
    return (result.rows[0] as RecordRow).record;
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) {
      throw projectExistsError(project.name, project.version);
    }
    throw storeFailure(error, 'create a project');
  }
}

export async function getProject(
  db: PoolQueries,
  workspace: string,
  id: number,
): Promise<ProjectRecord | undefined> {
  const result = await db.query<RecordRow>('read a project', 'get-project', { workspace, id });
  return result.rows[0]?.record;
}

export async function findProject(
  db: PoolQueries,
  workspace: string,
  name: string,
  version: string,
): Promise<ProjectRecord | undefined> {
  const result = await db.query<RecordRow>('find a project', 'find-project', {
    workspace,
    name,
    version,
  });
  return result.rows[0]?.record;
}

export async function listProjects(
  db: PoolQueries,
  workspace: string,
  page: Page,
): Promise<ProjectRecord[]> {
  const result = await db.query<RecordRow>('list projects', 'list-projects', {
    workspace,
    limit: page.limit,
    offset: page.offset,
  });
  return result.rows.map((row) => row.record);
}

/**
 * Changes a project in one transaction, its row locked from the read to
 * the write: concurrent changes on any replica take turns.
 */
export function updateProject(
  db: PoolQueries,
  target: { workspace: string; id: number },
  change: (current: ProjectRecord) => ProjectRecord,
): Promise<ProjectRecord> {
  const { workspace, id } = target;
  let attempted: ProjectRecord | undefined;
  return runInTransaction(
    db.pool,
    async (client) => {
      const locked = await db.sql.run<RecordRow>(client, 'lock-project', { workspace, id });
      const current = locked.rows[0]?.record;
      if (current === undefined) throw projectNotFoundError(id);
      const next: ProjectRecord = { ...change(current), id, workspace };
      attempted = next;
      await db.sql.run(client, 'update-project', {
        workspace,
        id,
        name: next.name,
        version: next.version,
        description: next.description,
        tags: JSON.stringify(next.tags),
        members: JSON.stringify(next.members),
        updated_at: next.updatedAt,
      });
      return next;
    },
    {
      what: 'update a project',
      mapError: (error) =>
        sqlState(error) === SQLSTATE.uniqueViolation && attempted !== undefined
          ? projectExistsError(attempted.name, attempted.version)
          : error,
    },
  );
}

export async function deleteProject(
  db: PoolQueries,
  workspace: string,
  id: number,
): Promise<boolean> {
  const result = await db.query('delete a project', 'delete-project', { workspace, id });
  return (result.rowCount ?? 0) > 0;
}
