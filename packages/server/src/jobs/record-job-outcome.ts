import { SYSTEM_ACTOR, type JobStateRecord } from '@allot/core';
import type { EventLog } from '@allot/use-cases';

/**
 * Records how an allocation job ended: `job.completed` or `job.failed`,
 * notifying the user who started it. The server is its actor, so the
 * audit log (who did what) leaves it out. The subject names the job as the
 * audit log does (`job:41`).
 */
export async function recordJobOutcome(events: EventLog, job: JobStateRecord): Promise<void> {
  if (job.phase !== 'done' && job.phase !== 'error') return;
  const failed = job.phase === 'error';
  await events.record(
    {
      workspace: job.workspace,
      kind: failed ? 'job.failed' : 'job.completed',
      actor: SYSTEM_ACTOR,
      ip: null,
      project: null,
      subject: `job:${job.id}`,
      at: job.updatedAt,
      // What a webhook receiver reads under `data`, too: the event log feeds the webhooks.
      details: {
        job: job.id,
        server: job.server,
        tests: job.tests,
        answeredBy: job.answeredBy,
        error: job.error === null ? null : { code: job.error.code, message: job.error.message },
      },
    },
    job.createdUser === null ? [] : [job.createdUser],
  );
}
