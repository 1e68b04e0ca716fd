import type { PoolDefinition } from '@allot/core';
import type { PoolQueries } from './pool-queries.js';

/** Creates or replaces a pool definition of a workspace. */
export async function putPool(
  db: PoolQueries,
  workspace: string,
  pool: PoolDefinition,
): Promise<void> {
  await db.query('store a pool', 'put-pool', {
    workspace,
    name: pool.name,
    definition: JSON.stringify(pool),
  });
}

/** A pool definition by name. */
export async function getPool(
  db: PoolQueries,
  workspace: string,
  name: string,
): Promise<PoolDefinition | undefined> {
  const result = await db.query<{ definition: PoolDefinition }>('read a pool', 'get-pool', {
    workspace,
    name,
  });
  return result.rows[0]?.definition;
}

/** The pool definitions of a workspace. */
export async function listPools(db: PoolQueries, workspace: string): Promise<PoolDefinition[]> {
  const result = await db.query<{ definition: PoolDefinition }>('list pools', 'list-pools', {
    workspace,
  });
  return result.rows.map((row) => row.definition);
}

/** Deletes a pool definition; false when there was none. */
export async function deletePool(
  db: PoolQueries,
  workspace: string,
  name: string,
): Promise<boolean> {
  const result = await db.query('delete a pool', 'delete-pool', { workspace, name });
  return (result.rowCount ?? 0) > 0;
}
