import { AllotError } from '../errors.js';
import type { QueueError } from './work-queue.js';

/** The error of a job whose worker died while it ran its last attempt. */
export const WORKER_LOST: QueueError = {
  code: 'WORKER_LOST',
  message: 'the process running the job stopped before it finished, on its last attempt',
};

/** What a failed attempt records: the AllotError's code, else HANDLER_FAILED. */
export function toQueueError(error: unknown): QueueError {
  if (error instanceof AllotError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'HANDLER_FAILED', message };
}
