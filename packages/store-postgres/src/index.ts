/**
 * @allot/store-postgres: allot's store for several server replicas sharing
 * one PostgreSQL database.
 */
export { PostgresStore } from './postgres-store.js';
export { isPostgresUrl, openPostgresStore } from './open-postgres-store.js';
export type { PostgresStoreOptions } from './open-postgres-store.js';
export { migrate, readMigrations } from './migrate.js';
export type { Migration } from './migrate.js';
export { PostgresResolutionDatabase } from './postgres-resolution-database.js';
export type { ResolutionDatabaseOptions } from './postgres-resolution-database.js';
export { toPositional } from './named-parameters.js';
