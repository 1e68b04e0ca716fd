import {
  DEFAULT_DATASET_NAME,
  projectExistsError,
  projectNotFoundError,
  type EventRecord,
  type NewProject,
  type Page,
  type ProjectJournal,
  type ProjectRecord,
} from '@allot/core';
import type pg from 'pg';
import { appendEventOn } from './event-log.js';
import type { PoolQueries } from './pool-queries.js';
import { SQLSTATE, sqlState, storeFailure } from './pg-errors.js';
import { runInTransaction } from './run-in-transaction.js';

type RecordRow = { record: ProjectRecord };

/**
 * Stores a new project numbered by its workspace's counter, and the
 * journal's event in the same transaction; ALREADY_EXISTS when name and
 * version are taken.
 */
export async function createProject(
  db: PoolQueries,
  project: NewProject,
  journal?: ProjectJournal,
): Promise<ProjectRecord> {
  return withJournal(db, journal, 'create a project', async (client) => {
    try {
      const result = await db.sql.run<RecordRow>(client, 'insert-project', {
        workspace: project.workspace,
        name: project.name,
        version: project.version,
        description: project.description,
        tags: JSON.stringify(project.tags),
        members: JSON.stringify(project.members),
        created_by: project.createdBy,
        created_at: project.createdAt,
        updated_at: project.updatedAt,
        default_dataset: DEFAULT_DATASET_NAME,
      });
      return (result.rows[0] as RecordRow).record;
    } catch (error) {
      if (sqlState(error) === SQLSTATE.uniqueViolation) {
        throw projectExistsError(project.name, project.version);
      }
      throw error;
    }
  });
}

/**
 * Runs a project write and then appends the journal's event, in one
 * transaction when there is a journal (else the write alone, on the pool);
 * tells the journal the event once committed.
 */
async function withJournal(
  db: PoolQueries,
  journal: ProjectJournal | undefined,
  what: string,
  write: (client: pg.Pool | pg.PoolClient) => Promise<ProjectRecord>,
  mapError?: (error: unknown) => unknown,
): Promise<ProjectRecord> {
  if (journal === undefined) {
    try {
      return await write(db.pool);
    } catch (error) {
      throw storeFailure(mapError === undefined ? error : mapError(error), what);
    }
  }
  let recorded: EventRecord | undefined;
  const project = await runInTransaction(
    db.pool,
    async (client) => {
      const written = await write(client);
      const notify = journal.notify?.(written) ?? [];
      recorded = await appendEventOn(db.sql, client, journal.event(written), notify);
      return written;
    },
    { what, ...(mapError === undefined ? {} : { mapError }) },
  );
  if (recorded !== undefined) journal.recorded?.(recorded);
  return project;
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
 * the write: concurrent changes on any replica take turns. The journal's
 * event is appended in the same transaction.
 */
export async function updateProject(
  db: PoolQueries,
  target: { workspace: string; id: number },
  change: (current: ProjectRecord) => ProjectRecord,
  journal?: ProjectJournal,
): Promise<ProjectRecord> {
  const { workspace, id } = target;
  let attempted: ProjectRecord | undefined;
  let recorded: EventRecord | undefined;
  const updated = await runInTransaction(
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
      if (journal !== undefined) {
        const notify = journal.notify?.(next) ?? [];
        recorded = await appendEventOn(db.sql, client, journal.event(next), notify);
      }
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
  if (recorded !== undefined) journal?.recorded?.(recorded);
  return updated;
}

/** Deletes a project; with a journal, its event is appended in the same transaction, only when the project existed. */
export async function deleteProject(
  db: PoolQueries,
  workspace: string,
  id: number,
  journal?: ProjectJournal,
): Promise<boolean> {
  if (journal === undefined) {
    const result = await db.query('delete a project', 'delete-project', { workspace, id });
    return (result.rowCount ?? 0) > 0;
  }
  let recorded: EventRecord | undefined;
  const deleted = await runInTransaction(
    db.pool,
    async (client) => {
      const locked = await db.sql.run<RecordRow>(client, 'lock-project', { workspace, id });
      const current = locked.rows[0]?.record;
      if (current === undefined) return false;
      await db.sql.run(client, 'delete-project', { workspace, id });
      const notify = journal.notify?.(current) ?? [];
      recorded = await appendEventOn(db.sql, client, journal.event(current), notify);
      return true;
    },
    { what: 'delete a project' },
  );
  if (recorded !== undefined) journal.recorded?.(recorded);
  return deleted;
}
