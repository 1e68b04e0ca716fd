import {
  AllotError,
  FINAL_QUEUED_JOB_STATES,
  type ErrorCode,
  type JsonValue,
  type QueueHandler,
  type QueuedJob,
  type Store,
  type WorkQueue,
} from '@allot/core';
import {
  calculateSetCoverage,
  type Acting,
  type CoverageCalculation,
  type EventLog,
} from '@allot/use-cases';
import { calculateInWorker } from './calculate-in-worker.js';

/** The queue's kind for coverage calculations. */
export const COVERAGE_CALCULATION_KIND = 'coverage-calculation';

/** What a queued calculation carries: the set version, the options and who asked. */
export interface CoverageCalculationPayload {
  project: number;
  coverageSet: string;
  /** Null for each option left to its default. */
  strength: number | 'all' | null;
  seed: number | string | null;
  effort: number | null;
  actor: string;
  user: string;
  ip: string | null;
  [key: string]: JsonValue;
}

/** What a finished calculation returns: the calculation's version. */
export interface CoverageCalculationOutcome {
  calculation: string;
  [key: string]: JsonValue;
}

/**
 * The queue handler of {@link COVERAGE_CALCULATION_KIND}: calculates in a
 * worker thread (so the process keeps answering), stores the calculation and
 * records `coverage.calculated`, whichever replica runs it.
 */
export function coverageCalculationHandler(deps: {
  store: Store;
  events: EventLog;
  clock: () => Date;
}): QueueHandler<CoverageCalculationPayload, CoverageCalculationOutcome> {
  return async ({ workspace, payload, progress }) => {
    progress(0, 2, 'calculating');
    const acting: Acting = {
      workspace,
      actor: payload.actor,
      user: payload.user,
      ip: payload.ip,
      now: deps.clock(),
    };
    const input: CoverageCalculation = {
      workspace,
      project: { id: payload.project },
      coverageSet: { id: payload.coverageSet },
      ...(payload.strength === null ? {} : { strength: payload.strength }),
      ...(payload.seed === null ? {} : { seed: payload.seed }),
      ...(payload.effort === null ? {} : { effort: payload.effort }),
    };
    const record = await calculateSetCoverage(
      deps.store,
      deps.events,
      input,
      acting,
      calculateInWorker,
    );
    progress(2, 2, `calculated ${record.body.report.rows} rows`);
    return { calculation: record.version };
  };
}

/** A queued calculation: finished with its calculation's version, or still queued or running. */
export type QueuedCalculation =
  { done: true; calculation: string; job: QueuedJob } | { done: false; job: QueuedJob };

/**
 * Queues a calculation and waits for it up to `waitMs`, so a small model
 * answers in the request as before while a big one answers with the queued
 * job. A calculation that failed throws its error again (`INVALID_INPUT`
 * naming the field, say), so the request answers as if it had run inline.
 */
export async function queueCoverageCalculation(
  queue: WorkQueue,
  workspace: string,
  payload: CoverageCalculationPayload,
  waitMs: number,
): Promise<QueuedCalculation> {
  // One attempt: an input error fails again, and a lost worker is rare enough to ask again.
  const id = await queue.enqueue(workspace, COVERAGE_CALCULATION_KIND, payload, {
    maxAttempts: 1,
  });
  const deadline = Date.now() + waitMs;
  let pause = 5;
  for (;;) {
    const job = await queue.get(workspace, id);
    if (job === undefined) throw new AllotError('NOT_FOUND', `queued job ${id} does not exist`);
    if (job.state === 'completed') {
      return {
        done: true,
        calculation: (job.result as CoverageCalculationOutcome).calculation,
        job,
      };
    }
    if (job.state === 'failed' || job.state === 'cancelled') {
      const error = job.error ?? { code: 'INTERNAL', message: `the calculation was ${job.state}` };
      throw new AllotError(error.code as ErrorCode, error.message, { queuedJob: id });
    }
    if (FINAL_QUEUED_JOB_STATES.includes(job.state) || Date.now() >= deadline) {
      return { done: false, job };
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, deadline - Date.now())));
    pause = Math.min(pause * 2, 100);
  }
}
