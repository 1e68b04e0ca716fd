import type { LifecycleSettings } from './lifecycle/lifecycle-worker.js';
import type { Store, WorkQueue } from '@allot/core';
import type { LoginThrottleLimits, WebhookRetryPolicy } from '@allot/use-cases';
import type { SessionTokenOptions } from './auth/session-tokens.js';
import type { ResolutionServerConfig } from './resolution/resolution-server-config.js';
import type { DefaultServer, ResolutionServer } from './resolution/resolution-servers.js';

/** Anything log lines can be written to, one JSON line per call. */
export interface LogStream {
  write(line: string): void;
}

/** Log levels of the request log, quietest last. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/** Per-key request rate limit. */
export interface RateLimitOptions {
  /** Requests allowed per key (or per address, before a key is known) in each window. */
  max: number;
  timeWindowMs: number;
}

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  /** The store every workspace lives in; the caller owns it (the app closes it only if `closeStore`). */
  store: Store;
  /** Close the store when the app closes; default false. */
  closeStore?: boolean;
  /** Default `info`; `silent` turns the request log off. */
  logLevel?: LogLevel;
  /** Where log lines go; default stdout. Tests pass a stream to read them. */
  logStream?: LogStream;
  /** Largest JSON body in bytes; default 1 MiB. */
  bodyLimit?: number;
  /** Largest upload (CSV, pool file, multipart) in bytes; default 64 MiB. */
  uploadLimit?: number;
  /** Default 6000 requests per minute per key; `false` turns limiting off. */
  rateLimit?: RateLimitOptions | false;
  /** Resolution servers besides the built-in `local`. */
  servers?: readonly ResolutionServer[];
  /**
   * The servers a name no server has resolves to (`…/resolve/server/DESKTOP-ABC123/execute`
   * as written for Curiosity): one for every workspace and one per
   * workspace at most; default `local`. Each must name a registered server.
   */
  defaultServers?: readonly DefaultServer[];
  /** Unknown server names answer 404 `UNKNOWN_SERVER` instead of using the default; default false. */
  strictServerNames?: boolean;
  /**
   * How long an execute on the Curiosity route waits for its job before
   * answering `InQueue` or `InProgress` (clients then poll `job/{id}`);
   * default 10 s, 0 answers at once.
   */
  syncWaitMs?: number;
  /** The clock of jobs and audit events; default the system clock. */
  clock?: () => Date;
  /** Trust `X-Forwarded-*` from a proxy in front; default false. */
  trustProxy?: boolean;
  /**
   * The work queue to read and run; default an in-process queue that lives
   * as long as the app. `startServer` opens the store's own (a file beside
   * the embedded store, pg-boss on PostgreSQL).
   */
  queue?: WorkQueue;
  /** Close the queue when the app closes; default: only the queue the app made itself. */
  closeQueue?: boolean;
  /** Run queued jobs (webhook deliveries, teardowns, top-ups …) in this process; default true. */
  runQueue?: boolean;
  /** How made rows' teardowns and top-ups run (when the queue runs here). */
  lifecycle?: LifecycleSettings;
  /** Let webhook URLs lead to loopback, private and link-local addresses; default false. */
  allowPrivateWebhooks?: boolean;
  /** How long one webhook delivery attempt may take; default 10 s. */
  webhookTimeoutMs?: number;
  /** Bytes per stored piece of a generated dataset's file; default 4 MiB. */
  datasetPieceBytes?: number;
  /** Attempts and backoff of webhook deliveries; default 8 attempts, 5 s doubling, 60 s per attempt. */
  webhookRetry?: Partial<WebhookRetryPolicy>;
  /**
   * Session tokens: the HS256 signing secret (default: one generated on
   * first use and kept in the store, so every replica shares it) and their
   * life (default 24 h).
   */
  sessions?: SessionTokenOptions;
  /** Failed logins tolerated per user and per address; `false` turns throttling off. */
  loginThrottle?: Partial<LoginThrottleLimits> | false;
  /**
   * The directory of the dashboard's built assets, served at `/ui/`;
   * default `@allot/dashboard`'s when installed and built; `false` serves none.
   */
  dashboard?: string | false;
}

/** Options of {@link startServer}: the app's options, where to listen, and which store to open. */
export interface StartServerOptions extends Omit<BuildAppOptions, 'store' | 'closeStore'> {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1; 0.0.0.0 to listen on every interface. */
  host?: string;
  /** The embedded store's directory; default `.allot`. Ignored when `store` or `storeSpec` is given. */
  dataDir?: string;
  /**
   * The store to open: a `postgres://` URL (PostgreSQL, for several
   * replicas; `?schema=name` picks the schema) or a data directory.
   * Default `dataDir`. Ignored when `store` is given.
   */
  storeSpec?: string;
  /** A store to serve instead of opening one (the caller then closes it). */
  store?: Store;
  /**
   * PostgreSQL resolution servers to open and register besides `servers`;
   * closed with the server.
   */
  resolutionServers?: readonly ResolutionServerConfig[];
  /** Where `connectionEnv` variables are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Where the one-time admin key of a fresh store is printed; default stdout. */
  print?: (line: string) => void;
  /** Stop on SIGTERM and SIGINT; default true. */
  handleSignals?: boolean;
  /** Tuning of the PostgreSQL work queue (how soon a dead replica's jobs move on, …). */
  postgresQueue?: PostgresQueueTuning;
}

/** Tuning of the PostgreSQL work queue, passed to pg-boss; each has a default there. */
export interface PostgresQueueTuning {
  /** How often, in seconds, jobs whose worker stopped answering are queued again. */
  maintenanceIntervalSeconds?: number;
  /** How often an idle worker asks for a job, in seconds. */
  pollingIntervalSeconds?: number;
  /** How often a running job writes its progress, in milliseconds. */
  heartbeatMs?: number;
}
