import type { CatalogueRecord } from '../catalogue/catalogue-record.js';
import type { EventRecord } from '../events/event-record.js';
import type { ProjectRecord } from '../projects/project-record.js';
import type { DatasetRecord, VariableRecord } from '../datasets/dataset-record.js';
import type { BlockVersionMeta } from '../model/block-version.js';
import type { JobRecord, JobTest, ResultRecord } from '../model/job-record.js';
import type { PoolDefinition } from '../model/pool-definition.js';
import type { ApiKeyRecord, UserRecord, WorkspaceRecord } from '../model/workspace-record.js';
import type { JobStateRecord } from '../job-state-record.js';
import type { MadeRowRecord } from '../lifecycle/made-row-record.js';
import type { QuotaWindow } from '../lifecycle/quota-window.js';

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
  /** Catalogue records by {@link catalogueKey}: one entry per version. */
  catalogue: Record<string, StoredCatalogueRecord>;
  /**
   * Projects by id. Optional: a document written before projects existed
   * has none.
   */
  projects?: Record<string, ProjectRecord>;
  /**
   * Made rows with a lifecycle by {@link madeRowId}. Optional, like `projects`.
   */
  madeRows?: Record<string, MadeRowRecord>;
  /**
   * Notifications by {@link notificationKey}. Optional, like `projects`.
   */
  notifications?: Record<string, StoredNotification>;
  /** Datasets of variables by id. Optional, like `projects`. */
  datasets?: Record<string, DatasetRecord>;
  /** Variables of datasets by id. Optional, like `projects`. */
  variables?: Record<string, VariableRecord>;
  /**
   * The event log, oldest first (named for the audit log it began as: an
   * entry written before events had `action` and `target`, see
   * {@link LoggedEvent}).
   */
  audit: LoggedEvent[];
  /** The highest ids handed out in this workspace: each workspace counts its own, from 1. */
  lastIds: WorkspaceIds;
}

/** The last job id and the last audit event id of a workspace (0 before the first). */
export interface WorkspaceIds {
  job: number;
  /** Audit entries: the events a caller caused, numbered apart so the audit log counts 1, 2, 3 … */
  audit: number;
  /**
   * Every event. Absent until the first event written after the event log
   * began: until then every event was an audit entry, so it equals `audit`.
   */
  event?: number;
  /** Absent until the workspace's first project. */
  project?: number;
  /** Absent until the workspace's first dataset. */
  dataset?: number;
  /** Absent until the workspace's first variable. */
  variable?: number;
}

/**
 * An entry of the event log as the document keeps it: an {@link EventRecord}
 * or, in a document written before events, an audit entry (`action` and
 * `target` for `kind` and `subject`, no address or project).
 */
export type LoggedEvent =
  | (EventRecord & {
      /** Its id in the audit log; absent for an event the audit log leaves out. */
      auditId?: number;
    })
  | (Omit<EventRecord, 'kind' | 'subject' | 'ip' | 'project'> & {
      action: string;
      target: string;
    });

/** A notification as stored: its event is read from the log by id. */
export interface StoredNotification {
  id: number;
  user: string;
  readAt: string | null;
}

/** The whole state of a document store (memory, lowdb). */
export interface StoreDocument {
  /**
   * 4 since workspaces keep a catalogue;
   * 3 since job and audit ids count per workspace (see upgrade-document.ts);
   * 2 kept block rows and the journal beside the document; 1 had no journal.
   */
  schemaVersion: 4;
  /** Workspaces that were created explicitly (the server's tenants). */
  tenants: Record<string, WorkspaceRecord>;
  /** API keys of every workspace, by public id. */
  apiKeys: Record<string, ApiKeyRecord>;
  workspaces: Record<string, WorkspaceDocument>;
  /** Make quotas' current windows by bucket. Optional: absent until the first quota is used. */
  quotas?: Record<string, QuotaWindow>;
}

export function emptyDocument(): StoreDocument {
  return {
    schemaVersion: 4,
    tenants: {},
    apiKeys: {},
    workspaces: {},
  };
}

export function emptyWorkspace(): WorkspaceDocument {
  return {
    pools: {},
    blocks: {},
    jobs: {},
    results: {},
    consumed: {},
    users: {},
    catalogue: {},
    audit: [],
    lastIds: { job: 0, audit: 0 },
  };
}

/** A job holds leases until it is released or its TTL passes. */
export function isJobLive(job: JobRecord, now: Date): boolean {
  return job.releasedAt === null && Date.parse(job.expiresAt) > now.getTime();
}

/** Whether a test of a live job still holds its own rows. */
export function holdsRows(test: JobTest): boolean {
  return test.releasedAt === null && (test.status === 'allocated' || test.status === 'made');
}

/** The key of a user's notification in {@link WorkspaceDocument.notifications}. */
export function notificationKey(user: string, id: number): string {
  return JSON.stringify([user, id]);
}

/**
 * A catalogue record as the document holds it. A large text body, or a body
 * of bytes, may live in a file of its own (see `DocumentPersistence.writeBody`):
 * then `body` is null, `bodyFile` names the file and `bodyBytes` is true
 * when the file holds bytes to read back as such.
 */
export type StoredCatalogueRecord = CatalogueRecord & { bodyFile?: string; bodyBytes?: true };

/** The key of a catalogue record in {@link WorkspaceDocument.catalogue}: one per version of a name. */
export function catalogueKey(record: {
  kind: string;
  project: string | null;
  name: string;
  version: string;
}): string {
  return JSON.stringify([record.kind, record.project, record.name, record.version]);
}
