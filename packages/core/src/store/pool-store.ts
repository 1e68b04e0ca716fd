import type { PoolDefinition } from '../model/pool-definition.js';

/** The pools slice of the {@link Store}: pool definitions, by name. */
export interface PoolStore {
  putPool(workspace: string, pool: PoolDefinition): Promise<void>;
  getPool(workspace: string, name: string): Promise<PoolDefinition | undefined>;
  listPools(workspace: string): Promise<PoolDefinition[]>;
  /** True when the pool existed. */
  deletePool(workspace: string, name: string): Promise<boolean>;
}
