import type { Role, Store, WorkQueue } from '@allot/core';
import type { EventLog, ObjectStorage, WebhookRetryPolicy } from '@allot/use-cases';
import type { FastifyInstance } from 'fastify';
import type { AuthContext } from './auth/auth-context.js';
import type { LoginThrottle } from '@allot/use-cases';
import type { SessionTokens } from './auth/session-tokens.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { LifecycleWorker } from './lifecycle/lifecycle-worker.js';
import type { ResultValueFastPath } from './facades/curiosity/result-value-fast-path.js';
import type { ResolutionServers } from './resolution/resolution-servers.js';
import type { WebhookPublisher } from './webhooks/webhook-publisher.js';

/** How the server treats webhooks. */
export interface WebhookSettings {
  /** URLs may lead to loopback, private and link-local addresses. */
  allowPrivate: boolean;
  policy: WebhookRetryPolicy;
  /** Where events go to be delivered. */
  publisher: WebhookPublisher;
}

/** What every route needs, decorated on the app as `allot`. */
export interface AppContext {
  store: Store;
  runner: JobRunner;
  /** Records events and hands them to in-process listeners (`onEvent`). */
  events: EventLog;
  servers: ResolutionServers;
  /** The work queue this server reads, and whose worker it runs. */
  queue: WorkQueue;
  webhooks: WebhookSettings;
  /** Teardowns and top-ups of made rows; undefined when this process runs no queue. */
  lifecycle: LifecycleWorker | undefined;
  clock: () => Date;
  sessions: SessionTokens;
  /** Undefined when login throttling is off. */
  loginThrottle: LoginThrottle | undefined;
  syncWaitMs: number;
  uploadLimit: number;
  /** The buckets of S3 integrations: checked by `/test`, written by dataset exports. */
  objectStorage: ObjectStorage;
  /** Answers the successful `result/value` reads of the vendor clients before routing. */
  resultValueFastPath: ResultValueFastPath;
}

/**
 * The context of an app built by `buildApp`. Read through this function
 * rather than a `FastifyInstance` augmentation: an augmentation naming these
 * classes would leak into every package that imports the server, and clash
 * with itself when both the sources and the built declarations are loaded.
 */
export function contextOf(app: FastifyInstance): AppContext {
  return (app as unknown as { allot: AppContext }).allot;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every route that needs a key. */
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** The least role a key needs; a route without one is public. */
    role?: Role;
    /** Only a SuperUser's session may call the route (workspace management). */
    superUser?: boolean;
  }
}
