import type { JsonValue, QueuedJob, QueueError, QueueProgress, QueuedJobState } from '@allot/core';

/** A row of `queued_jobs` as `pg` returns it. */
export interface QueuedJobRow {
  id: string;
  workspace: string;
  kind: string;
  payload: JsonValue;
  state: QueuedJobState;
  progress: QueueProgress | null;
  result: JsonValue | null;
  error: QueueError | null;
  attempts: number;
  max_attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** The model of a `queued_jobs` row. */
export function toQueuedJob(row: QueuedJobRow): QueuedJob {
  return {
    id: row.id,
    workspace: row.workspace,
    kind: row.kind,
    payload: row.payload,
    state: row.state,
    progress: row.progress,
    result: row.result,
    error: row.error,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    createdAt: row.created_at.toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    updatedAt: row.updated_at.toISOString(),
  };
}
