import type { JobProgress } from './engine/job-report.js';

/** Where a job is in its life: waiting for its turn, running, or finished one way or the other. */
export type JobPhase = 'queued' | 'running' | 'done' | 'error';

/**
 * A job as it is known from the moment it is queued, before anything is
 * committed: kept in the store so that every replica of a server can answer
 * for a job that another one runs. The committed job (its tests, leases and
 * results) is the {@link JobRecord} of `answeredBy`.
 */
export interface JobStateRecord {
  workspace: string;
  /** The id announced to the caller when the job was queued. */
  id: number;
  phase: JobPhase;
  /** The resolution server that runs it. */
  server: string;
  /** Who asked for it: a user id, or the name of the API key; null when unknown. */
  createdUser: string | null;
  /** The public id of the API key that asked for it (never its secret); null when unknown. */
  keyId: string | null;
  /** How many tests the bundle has. */
  tests: number;
  /** The last progress the engine reported; null before it started. */
  progress: JobProgress | null;
  /**
   * The committed job holding the results once `done`: the job itself, or an
   * earlier live job of the same bundle that answered it (an alias).
   */
  answeredBy: number | null;
  /** Why a job ended in `error`, as a stable code and a line a person can act on. */
  error: { code: string; message: string } | null;
  createdAt: string;
  /** Moved on every write, including the heartbeat of a job that is still running. */
  updatedAt: string;
}

/** Whether a job has finished, one way or the other. */
export function isJobFinished(state: JobStateRecord): boolean {
  return state.phase === 'done' || state.phase === 'error';
}
