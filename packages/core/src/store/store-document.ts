import type {
  ApiKeyRecord,
  AuditEvent,
  BlockVersionMeta,
  JobRecord,
  JobTest,
  PoolDefinition,
  ResultRecord,
  UserRecord,
  WorkspaceRecord,
} from '../model.js';
import type { JobStateRecord } from '../job-state-record.js';

/** The state of one workspace in a document store. Block rows live outside it. */
export interface WorkspaceDocument {
  pools: Record<string, PoolDefinition>;
  /** Versions of each block, oldest first. */
  blocks: Record<string, BlockVersionMeta[]>;
  /** Jobs by id. */
  jobs: Record<string, JobRecord>;
  /**
   * States of jobs by id, from the moment they are queued. Optional: a
   * document written before they existed has none.
   */
  jobStates?: Record<string, JobStateRecord>;
  /** Results by {@link testId}. */
  results: Record<string, ResultRecord>;
  /** Consumed rows by {@link rowId}, with the job that consumed them. */
  consumed: Record<string, number>;
  users: Record<string, UserRecord>;
  /** Oldest first. */
  audit: AuditEvent[];
}

/** The whole state of a document store (memory, lowdb). */
export interface StoreDocument {
  /** 2 since block rows and the journal live beside the document; 1 had no journal. */
  schemaVersion: 2;
  nextJobId: number;
  nextAuditId: number;
  /** Workspaces that were created explicitly (the server's tenants). */
  tenants: Record<string, WorkspaceRecord>;
  /** API keys of every workspace, by public id. */
  apiKeys: Record<string, ApiKeyRecord>;
  workspaces: Record<string, WorkspaceDocument>;
}

export function emptyDocument(): StoreDocument {
  return {
    schemaVersion: 2,
    nextJobId: 1,
    nextAuditId: 1,
    tenants: {},
    apiKeys: {},
    workspaces: {},
  };
}

export function emptyWorkspace(): WorkspaceDocument {
  return { pools: {}, blocks: {}, jobs: {}, results: {}, consumed: {}, users: {}, audit: [] };
}

/** A job holds leases until it is released or its TTL passes. */
export function isJobLive(job: JobRecord, now: Date): boolean {
  return job.releasedAt === null && Date.parse(job.expiresAt) > now.getTime();
}

/** Whether a test of a live job still holds its own rows. */
export function holdsRows(test: JobTest): boolean {
  return test.releasedAt === null && (test.status === 'allocated' || test.status === 'made');
}
