import type { Role, Store } from '@allot/core';
import type { EventLog } from '@allot/use-cases';
import type { FastifyInstance } from 'fastify';
import type { AuthContext } from './auth/auth-context.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { ResolutionServers } from './resolution/resolution-servers.js';

/** What every route needs, decorated on the app as `allot`. */
export interface AppContext {
  store: Store;
  runner: JobRunner;
  /** Records events and hands them to in-process listeners (`onEvent`). */
  events: EventLog;
  servers: ResolutionServers;
  clock: () => Date;
  syncWaitMs: number;
  uploadLimit: number;
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
  }
}
