/**
 * @allot/store-postgres/work-queue: the work queue on PostgreSQL (pg-boss
 * and `queued_jobs`). An entry of its own, so that what imports only the
 * store neither loads nor bundles pg-boss.
 */
export { openPostgresWorkQueue } from './queue/open-postgres-work-queue.js';
export type { PostgresWorkQueueOptions } from './queue/open-postgres-work-queue.js';
