import { AllotError } from '../errors.js';
import type { EnqueueOptions, QueuedJobFilter, QueuedJobState } from './work-queue.js';

/** Enqueue options with every default filled in. */
export type ResolvedEnqueueOptions = Required<EnqueueOptions>;

/**
 * Kinds become queue names in PostgreSQL (pg-boss accepts letters, digits,
 * `_` and `-`), so the embedded queue holds them to the same rule.
 */
const KIND = /^[a-z][a-z0-9_-]{0,62}$/;

const STATES: readonly QueuedJobState[] = ['queued', 'running', 'completed', 'failed', 'cancelled'];

/** Throws INVALID_INPUT unless `kind` can name a queue. */
export function checkQueueKind(kind: string): string {
  if (!KIND.test(kind)) {
    throw new AllotError(
      'INVALID_INPUT',
      `a job kind is 1 to 63 lowercase letters, digits, "_" or "-", starting with a letter; got ${JSON.stringify(kind)}`,
      { field: 'kind' },
    );
  }
  return kind;
}

function wholeNumber(field: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new AllotError(
      'INVALID_INPUT',
      `${field} must be a whole number ≥ ${min}; got ${value}`,
      {
        field,
      },
    );
  }
  return value;
}

/** Checks enqueue options and fills in the defaults. */
export function resolveEnqueueOptions(options: EnqueueOptions = {}): ResolvedEnqueueOptions {
  return {
    maxAttempts: wholeNumber('maxAttempts', options.maxAttempts ?? 3, 1),
    retryDelayMs: wholeNumber('retryDelayMs', options.retryDelayMs ?? 1000, 0),
    timeoutSeconds: wholeNumber('timeoutSeconds', options.timeoutSeconds ?? 900, 1),
    retryBackoff: options.retryBackoff ?? false,
  };
}

/** Checks a list filter (it may come straight from a query string). */
export function checkQueuedJobFilter(filter: QueuedJobFilter = {}): QueuedJobFilter {
  if (filter.state !== undefined && !STATES.includes(filter.state)) {
    throw new AllotError(
      'INVALID_INPUT',
      `state must be one of ${STATES.join(', ')}; got ${JSON.stringify(filter.state)}`,
      { field: 'state' },
    );
  }
  if (filter.kind !== undefined) checkQueueKind(filter.kind);
  return filter;
}
