import {
  workspaceExistsError,
  type ApiKeyRecord,
  type UserRecord,
  type WorkspaceRecord,
} from '@allot/core';
import { SQLSTATE, sqlState, storeFailure } from './pg-errors.js';
import type { PoolQueries } from './pool-queries.js';
import {
  apiKeyOf,
  userOf,
  workspaceOf,
  type ApiKeyRow,
  type UserRow,
  type WorkspaceRow,
} from './records.js';

/** Creates a workspace; INVALID_INPUT when its id is taken. */
export async function createWorkspace(db: PoolQueries, workspace: WorkspaceRecord): Promise<void> {
  try {
    await db.sql.run(db.pool, 'create-workspace', {
      id: workspace.id,
      name: workspace.name,
      created_at: workspace.createdAt,
    });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) {
      throw workspaceExistsError(workspace.id);
    }
    throw storeFailure(error, 'create a workspace');
  }
}

/** A workspace by id. */
export async function getWorkspace(
  db: PoolQueries,
  id: string,
): Promise<WorkspaceRecord | undefined> {
  const result = await db.query<WorkspaceRow>('read a workspace', 'get-workspace', { id });
  const row = result.rows[0];
  return row === undefined ? undefined : workspaceOf(row);
}

/** Every workspace. */
export async function listWorkspaces(db: PoolQueries): Promise<WorkspaceRecord[]> {
  const result = await db.query<WorkspaceRow>('list workspaces', 'list-workspaces', {});
  return result.rows.map(workspaceOf);
}

/** Creates or replaces an API key. */
export async function putApiKey(db: PoolQueries, key: ApiKeyRecord): Promise<void> {
  await db.query('store an API key', 'put-api-key', {
    id: key.id,
    workspace: key.workspace,
    name: key.name,
    role: key.role,
    secret_hash: key.secretHash,
    user_id: key.userId,
    created_at: key.createdAt,
    revoked_at: key.revokedAt,
  });
}

/** An API key by id, in any workspace. */
export async function findApiKey(db: PoolQueries, id: string): Promise<ApiKeyRecord | undefined> {
  const result = await db.query<ApiKeyRow>('read an API key', 'find-api-key', { id });
  const row = result.rows[0];
  return row === undefined ? undefined : apiKeyOf(row);
}

/** The API keys of a workspace. */
export async function listApiKeys(db: PoolQueries, workspace: string): Promise<ApiKeyRecord[]> {
  const result = await db.query<ApiKeyRow>('list API keys', 'list-api-keys', { workspace });
  return result.rows.map(apiKeyOf);
}

/** Creates or replaces a user of a workspace. */
export async function putUser(db: PoolQueries, user: UserRecord): Promise<void> {
  await db.query('store a user', 'put-user', {
    workspace: user.workspace,
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    created_at: user.createdAt,
    active: user.active ?? true,
    super_user: user.superUser ?? false,
    password:
      user.password === undefined || user.password === null ? null : JSON.stringify(user.password),
    two_factor:
      user.twoFactor === undefined || user.twoFactor === null
        ? null
        : JSON.stringify(user.twoFactor),
  });
}

/** A user of a workspace by id. */
export async function getUser(
  db: PoolQueries,
  workspace: string,
  id: string,
): Promise<UserRecord | undefined> {
  const result = await db.query<UserRow>('read a user', 'get-user', { workspace, id });
  const row = result.rows[0];
  return row === undefined ? undefined : userOf(row);
}

/** The users of a workspace. */
export async function listUsers(db: PoolQueries, workspace: string): Promise<UserRecord[]> {
  const result = await db.query<UserRow>('list users', 'list-users', { workspace });
  return result.rows.map(userOf);
}

/** Deletes a user; false when there was none. */
export async function deleteUser(db: PoolQueries, workspace: string, id: string): Promise<boolean> {
  const result = await db.query('delete a user', 'delete-user', { workspace, id });
  return (result.rowCount ?? 0) > 0;
}
