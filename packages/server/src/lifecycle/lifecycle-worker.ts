import type { JsonValue, QuotaGate, Store, WorkQueue } from '@allot/core';
import {
  queueTeardowns,
  queueTopUp,
  runTeardown,
  TEARDOWN_KIND,
  type TEARDOWN_RETRY,
  TOP_UP_KIND,
  topUpPool,
} from '@allot/use-cases';
import type { ResolutionServers } from '../resolution/resolution-servers.js';
import { runTeardownRequest } from './run-teardown-request.js';

/** How the server runs made rows' lifecycle. */
export interface LifecycleSettings {
  /** How often due and lapsed teardowns are handed to the queue; default 2 s. */
  sweepMs?: number;
  /** Attempts and first retry delay (doubling) of a teardown; default 6 attempts from 2 s. */
  teardownRetry?: Partial<typeof TEARDOWN_RETRY>;
  /** How long one HTTP teardown may take; default 10 s. */
  teardownTimeoutMs?: number;
  /** One top-up of a pool per this long across replicas; default 1 s. */
  topUpEveryMs?: number;
  /** Where teardown headers' variables are read; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

interface WorkerInput {
  store: Store;
  queue: WorkQueue;
  servers: ResolutionServers;
  gate: QuotaGate;
  clock: () => Date;
  settings: LifecycleSettings;
  onError: (error: unknown, what: string) => void;
}

type RowPayload = { block: string; key: string };
type PoolPayload = { pool: string };

/**
 * Runs made rows' lifecycle in this process: a sweep hands due teardowns
 * (released jobs, lapsed leases) to the work queue, whose `teardown`
 * worker runs them with retries and backoff; `top-up` jobs make rows ahead
 * of demand. Every replica may sweep and work: the store hands each row to
 * one of them.
 */
export class LifecycleWorker {
  readonly #input: WorkerInput;
  #timer: NodeJS.Timeout | undefined;
  #sweeping: Promise<void> | undefined;

  constructor(input: WorkerInput) {
    this.#input = input;
  }

  /** Registers the queue's workers and starts the sweep. */
  async start(): Promise<void> {
    const { queue, store, servers, clock, settings } = this.#input;
    const targets = { servers, timeoutMs: settings.teardownTimeoutMs ?? 10_000 };
    const env = settings.env ?? process.env;
    await queue.work<RowPayload, JsonValue>(
      TEARDOWN_KIND,
      async (work) => {
        const row = await runTeardown(
          store,
          { workspace: work.workspace, ...work.payload },
          (request, made) => runTeardownRequest(targets, request, made),
          { clock, env },
        );
        return row === undefined ? 'skipped' : row.state;
      },
      { concurrency: 4 },
    );
    await queue.work<PoolPayload, JsonValue>(TOP_UP_KIND, async (work) => {
      const outcomes = await topUpPool(store, {
        workspace: work.workspace,
        pool: work.payload.pool,
        server: (name) => {
          const server = servers.get(name, work.workspace);
          return server?.database === undefined
            ? undefined
            : { database: server.database, quota: server.quota };
        },
        gate: this.#input.gate,
        clock,
        everyMs: settings.topUpEveryMs ?? 1000,
      });
      return JSON.parse(JSON.stringify(outcomes)) as JsonValue;
    });
    this.#timer = setInterval(() => void this.sweep(), settings.sweepMs ?? 2000);
    this.#timer.unref();
  }

  /** Hands due teardowns to the queue now (also after a release, so it need not wait for the sweep). */
  sweep(): Promise<void> {
    this.#sweeping ??= queueTeardowns(this.#input.store, this.#input.queue, {
      now: this.#input.clock(),
      retry: this.#input.settings.teardownRetry ?? {},
    })
      .then(
        () => undefined,
        (error: unknown) => this.#input.onError(error, 'teardown sweep'),
      )
      .finally(() => (this.#sweeping = undefined));
    return this.#sweeping;
  }

  /** Queues a top-up of each pool that has watermarks; returns the queued job ids. */
  topUp(workspace: string, pools: readonly string[]): Promise<string[]> {
    return queueTopUp(this.#input.store, this.#input.queue, workspace, pools);
  }

  /** Stops the sweep and waits for the one running. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#sweeping;
  }
}
