import type { JsonValue } from '@allot/core';
import type { EventLog } from './event-log.js';
import type { DatasetBody } from './synth-records.js';

/** What a queued worker needs to record an event about a synthetic dataset. */
export interface DatasetWorkerEvents {
  events: EventLog;
  clock: () => Date;
}

/**
 * Records an event a queued worker (generation, export) raises about a
 * synthetic dataset: the worker as actor, the dataset as subject, its id and
 * name first in the details, and a notification to `notify`.
 */
export function recordDatasetWorkerEvent(
  deps: DatasetWorkerEvents,
  event: {
    workspace: string;
    actor: string;
    kind: string;
    dataset: DatasetBody;
    details: Record<string, JsonValue>;
    notify: string;
  },
): Promise<unknown> {
  const { dataset } = event;
  return deps.events.record(
    {
      workspace: event.workspace,
      kind: event.kind,
      actor: event.actor,
      ip: null,
      project: dataset.project,
      subject: `synthetic-dataset:${dataset.id}`,
      at: deps.clock().toISOString(),
      details: { dataset: dataset.id, name: dataset.name, ...event.details },
    },
    [event.notify],
  );
}
