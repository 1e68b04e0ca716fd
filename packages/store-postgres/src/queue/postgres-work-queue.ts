import { randomUUID } from 'node:crypto';
import {
  AllotError,
  checkQueuedJobFilter,
  checkQueueKind,
  resolveEnqueueOptions,
  toQueueError,
  WORKER_LOST,
  type EnqueueOptions,
  type JsonValue,
  type Page,
  type QueuedJob,
  type QueuedJobFilter,
  type QueuedJobPage,
  type QueueHandler,
  type QueueProgress,
  type WorkOptions,
  type WorkQueue,
} from '@allot/core';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { toPositional } from '../named-parameters.js';
import type { QueueOperation, QueueSql } from './queue-sql.js';
import { toQueuedJob, type QueuedJobRow } from './queued-job-row.js';

/** What pg-boss carries for a job: where to find it in `queued_jobs`. */
interface Delivery {
  id: string;
  workspace: string;
}

/** Settings of a {@link PostgresWorkQueue}, resolved by its opener. */
export interface PostgresWorkQueueSettings {
  /** Names this process in `queued_jobs.worker`. */
  workerName: string;
  /** How often a running job writes its progress and reads whether it was cancelled. */
  heartbeatMs: number;
  /** How often an idle worker asks pg-boss for a job, in seconds. */
  pollingIntervalSeconds: number;
  /** The advisory lock replicas take turns under to install pg-boss and create its queues. */
  installLock: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * pg-boss's own retry limit stays above the job's attempts: the attempt
 * count in `queued_jobs` decides, and a job delivered with none left is
 * failed there (WORKER_LOST) rather than left running by pg-boss giving up.
 */
const SPARE_DELIVERIES = 10;

const INTERRUPTED = {
  code: 'WORKER_LOST',
  message: 'the process running the job was stopping; it runs again',
};

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * The work queue on PostgreSQL: pg-boss delivers each job to one worker of
 * any replica and, when a worker stops answering for longer than the job's
 * `timeoutSeconds`, to another; `queued_jobs` holds state, progress, result
 * and error, so every replica reports every job. Opened by
 * `openPostgresWorkQueue`.
 */
export class PostgresWorkQueue implements WorkQueue {
  readonly #pool: pg.Pool;
  readonly #boss: PgBoss;
  readonly #sql: QueueSql;
  readonly #settings: PostgresWorkQueueSettings;
  readonly #queues = new Map<string, Promise<void>>();
  readonly #kinds = new Set<string>();
  readonly #running = new Map<string, AbortController>();
  #closing = false;
  /** The one close in progress or done: every caller of `close` awaits it. */
  #closed: Promise<void> | undefined;

  constructor(pool: pg.Pool, boss: PgBoss, sql: QueueSql, settings: PostgresWorkQueueSettings) {
    this.#pool = pool;
    this.#boss = boss;
    this.#sql = sql;
    this.#settings = settings;
  }

  async enqueue(
    workspace: string,
    kind: string,
    payload: JsonValue,
    options?: EnqueueOptions,
  ): Promise<string> {
    this.#open();
    checkQueueKind(kind);
    const resolved = resolveEnqueueOptions(options);
    await this.#queue(kind);
    const id = randomUUID();
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await this.#run(
        'insert',
        {
          id,
          workspace,
          kind,
          payload: JSON.stringify(payload),
          max_attempts: resolved.maxAttempts,
        },
        client,
      );
      // In the same transaction: a job is in both tables or in neither.
      const delivery: Delivery = { id, workspace };
      await this.#boss.send(kind, delivery, {
        id,
        retryLimit: resolved.maxAttempts + SPARE_DELIVERIES,
        retryDelay: Math.ceil(resolved.retryDelayMs / 1000),
        // pg-boss waits between 1 and 2 times retryDelay × 2^(retries - 1), jitter included.
        retryBackoff: resolved.retryBackoff,
        expireInSeconds: resolved.timeoutSeconds,
        db: { executeSql: (text, values) => client.query(text, values) },
      });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return id;
  }

  async get(workspace: string, id: string): Promise<QueuedJob | undefined> {
    if (!UUID.test(id)) return undefined;
    const { rows } = await this.#run('get', { workspace, id });
    return rows[0] && toQueuedJob(rows[0]);
  }

  async list(workspace: string, filter?: QueuedJobFilter, page?: Page): Promise<QueuedJobPage> {
    const { state = null, kind = null } = checkQueuedJobFilter(filter);
    const [listed, counted] = await Promise.all([
      this.#run('list', {
        workspace,
        state,
        kind,
        limit: page?.limit ?? 50,
        offset: page?.offset ?? 0,
      }),
      this.#run<{ total: number }>('count', { workspace, state, kind }),
    ]);
    return { jobs: listed.rows.map(toQueuedJob), total: counted.rows[0]?.total ?? 0 };
  }

  async cancel(workspace: string, id: string): Promise<QueuedJob | undefined> {
    if (!UUID.test(id)) return undefined;
    const { rows } = await this.#run('cancel', { workspace, id });
    const cancelled = rows[0];
    if (!cancelled) return this.get(workspace, id);
    // A queued job then never reaches a worker; a running one ends at its next beat.
    await this.#boss.cancel(cancelled.kind, id).catch(() => undefined);
    this.#running.get(id)?.abort(new Error('the job was cancelled'));
    return toQueuedJob(cancelled);
  }

  async work<P extends JsonValue, R extends JsonValue>(
    kind: string,
    handler: QueueHandler<P, R>,
    options: WorkOptions = {},
  ): Promise<void> {
    this.#open();
    checkQueueKind(kind);
    if (this.#kinds.has(kind)) {
      throw new AllotError('INVALID_INPUT', `a handler for ${kind} jobs is registered already`, {
        field: 'kind',
      });
    }
    this.#kinds.add(kind);
    await this.#queue(kind);
    const run = handler as unknown as QueueHandler;
    // pg-boss runs one batch at a time per worker: one worker per concurrent job.
    for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i += 1) {
      await this.#boss.work<Delivery>(
        kind,
        { batchSize: 1, pollingIntervalSeconds: this.#settings.pollingIntervalSeconds },
        async (jobs) => {
          for (const job of jobs) await this.#attempt(job.data.id, run);
        },
      );
    }
  }

  close(): Promise<void> {
    // A second caller waits for the first close rather than returning while the pool still ends.
    this.#closed ??= this.#shutDown();
    return this.#closed;
  }

  async #shutDown(): Promise<void> {
    this.#closing = true;
    for (const controller of this.#running.values()) {
      controller.abort(new Error('the queue is closing'));
    }
    try {
      await this.#boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
    } finally {
      await this.#pool.end();
    }
  }

  /**
   * Runs one attempt of a delivered job. Returning lets pg-boss complete its
   * job; throwing makes pg-boss deliver it again after the retry delay.
   */
  async #attempt(id: string, handler: QueueHandler): Promise<void> {
    const claimed = await this.#run('claim', { id, worker: this.#settings.workerName });
    const row = claimed.rows[0];
    if (!row) {
      await this.#run('lose', { id, error: JSON.stringify(WORKER_LOST) });
      return;
    }
    const job = toQueuedJob(row);
    const attempt = job.attempts;
    const controller = new AbortController();
    let pending: QueueProgress | null = null;
    let beating: Promise<void> | undefined;
    const beat = async () => {
      const progress = pending;
      pending = null;
      const owned = await this.#run('beat', { id, attempt, progress: json(progress) });
      if (owned.rowCount === 0) controller.abort(new Error('the job was cancelled or taken over'));
    };
    const timer = setInterval(() => {
      beating ??= beat()
        .catch(() => undefined)
        .finally(() => (beating = undefined));
    }, this.#settings.heartbeatMs);
    this.#running.set(id, controller);
    // Closing began while the claim was in flight: the attempt is handed straight back.
    if (this.#closing) controller.abort(new Error('the queue is closing'));
    const finish = async (
      state: 'completed' | 'failed' | 'queued',
      outcome: { result?: JsonValue; error?: unknown; givenBack?: boolean },
    ) => {
      clearInterval(timer);
      await beating;
      await this.#run('finish', {
        id,
        attempt,
        state,
        result: json(outcome.result === undefined ? null : outcome.result),
        error: json(outcome.error === undefined ? null : outcome.error),
        given_back: outcome.givenBack ? 1 : 0,
        progress: json(pending),
      });
    };
    try {
      const result = await handler({
        id,
        workspace: job.workspace,
        kind: job.kind,
        payload: job.payload,
        attempt,
        signal: controller.signal,
        progress: (done, total, message) => {
          pending = message === undefined ? { done, total } : { done, total, message };
        },
      });
      if (!controller.signal.aborted) {
        await finish('completed', { result: result ?? null });
        return;
      }
      throw controller.signal.reason;
    } catch (error) {
      if (this.#closing) {
        // Not the handler's fault: the attempt is handed back, and pg-boss delivers the job again.
        await finish('queued', { error: INTERRUPTED, givenBack: true });
        throw error;
      }
      // Cancelled, or handed to another worker: the job is no longer this attempt's to write.
      if (controller.signal.aborted) return;
      const failure = toQueueError(error);
      if (attempt < job.maxAttempts) {
        await finish('queued', { error: failure });
        throw error;
      }
      await finish('failed', { error: failure });
    } finally {
      clearInterval(timer);
      this.#running.delete(id);
    }
  }

  /** Creates pg-boss's queue for a kind once per process (idempotent in pg-boss). */
  #queue(kind: string): Promise<void> {
    let created = this.#queues.get(kind);
    if (!created) {
      created = this.#createQueue(kind);
      created.catch(() => this.#queues.delete(kind));
      this.#queues.set(kind, created);
    }
    return created;
  }

  /**
   * Replicas that start together create the same queues, and pg-boss's
   * `createQueue` of one name in two sessions deadlocks (both insert the
   * queue row and create its partition): they take turns under the lock the
   * install uses.
   */
  async #createQueue(kind: string): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [this.#settings.installLock]);
      try {
        await this.#boss.createQueue(kind);
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.#settings.installLock]);
      }
    } finally {
      client.release();
    }
  }

  /** Runs a queue operation with its values by name, on the pool or a transaction's client. */
  #run<R extends pg.QueryResultRow = QueuedJobRow>(
    operation: QueueOperation,
    values: Readonly<Record<string, unknown>>,
    db: pg.Pool | pg.PoolClient = this.#pool,
  ): Promise<pg.QueryResult<R>> {
    return db.query<R>(toPositional(this.#sql[operation], values));
  }

  #open(): void {
    if (this.#closing) throw new AllotError('STORE_FAILURE', 'the work queue is closed');
  }
}
