import { hostname } from 'node:os';
import type { WorkQueue } from '@allot/core';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { migrate, quoteIdent } from '../migrate.js';
import { parseStoreUrl } from '../store-url.js';
import { PostgresWorkQueue } from './postgres-work-queue.js';
import { loadQueueSql } from './queue-sql.js';

/** Options of {@link openPostgresWorkQueue}. */
export interface PostgresWorkQueueOptions {
  /** The store's schema (holds `queued_jobs`); default the URL's `schema` parameter, else `allot`. */
  schema?: string;
  /** pg-boss's schema, created when missing; default the store's schema followed by `_queue`. */
  bossSchema?: string;
  /** Connections in the pool, shared with pg-boss; default 4. */
  poolSize?: number;
  /** Names this process in `queued_jobs.worker`; default `host:pid`. */
  workerName?: string;
  /**
   * How often, in seconds, pg-boss looks for jobs whose worker stopped
   * answering (past their `timeoutSeconds`) and queues them again; one
   * replica does it per interval. Default 30.
   */
  maintenanceIntervalSeconds?: number;
  /** How often an idle worker asks for a job, in seconds (at least 0.5); default 2. */
  pollingIntervalSeconds?: number;
  /** How often a running job writes its progress and reads whether it was cancelled, in ms; default 1000. */
  heartbeatMs?: number;
}

/**
 * Opens the work queue on the PostgreSQL database of a `postgres://` URL:
 * applies the store's pending migrations (`queued_jobs` is one), installs
 * or upgrades pg-boss in its own schema, and starts pg-boss's maintenance.
 * Any number of replicas may open it on one database; each runs the kinds
 * it registers handlers for, and reads every job.
 */
export async function openPostgresWorkQueue(
  url: string,
  options: PostgresWorkQueueOptions = {},
): Promise<WorkQueue> {
  const { connectionString, schema: named } = parseStoreUrl(url);
  const schema = options.schema ?? named ?? 'allot';
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 4,
    options: `-c search_path=${quoteIdent(schema)}`,
  });
  // An idle connection the server dropped must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const bossSchema = options.bossSchema ?? `${schema}_queue`;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: bossSchema,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  // pg-boss reports maintenance errors as events; without a listener they would crash the process.
  boss.on('error', () => undefined);
  // Replicas starting together take turns installing pg-boss and creating its
  // queues: its install checks for its tables before its own lock, so two
  // installs side by side collide on CREATE SCHEMA.
  const lock = `allot-queue:${bossSchema}`;
  try {
    const client = await pool.connect();
    try {
      await migrate(client, schema);
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
      try {
        await boss.start();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]);
      }
    } finally {
      client.release();
    }
    return new PostgresWorkQueue(pool, boss, await loadQueueSql(), {
      workerName: options.workerName ?? `${hostname()}:${process.pid}`,
      heartbeatMs: options.heartbeatMs ?? 1000,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      installLock: lock,
    });
  } catch (error) {
    await boss.stop({ graceful: false, close: false }).catch(() => undefined);
    await pool.end();
    throw error;
  }
}
