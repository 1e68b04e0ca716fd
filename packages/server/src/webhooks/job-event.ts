import type { JobStateRecord, WebhookEvent } from '@allot/core';

/**
 * The event of an allocation job that has ended: `job.completed` when it
 * finished (its tests allocated, or failed one by one, as its status says),
 * `job.failed` when the job itself broke off with an error.
 */
export function jobEvent(job: JobStateRecord, at: Date): WebhookEvent {
  return {
    kind: job.phase === 'error' ? 'job.failed' : 'job.completed',
    workspace: job.workspace,
    subject: `job:${job.id}`,
    at: at.toISOString(),
    details: {
      job: job.id,
      server: job.server,
      tests: job.tests,
      answeredBy: job.answeredBy,
      error: job.error === null ? null : { code: job.error.code, message: job.error.message },
    },
  };
}
