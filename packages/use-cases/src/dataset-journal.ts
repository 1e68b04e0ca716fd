import type { DatasetJournal, DatasetRecord, EventRecord } from '@allot/core';
import { datasetEvent, type DatasetCaller } from './dataset-caller.js';
import type { EventLog } from './event-log.js';

/** A journal for one dataset write, and how to tell the listeners once it committed. */
export interface DatasetWriteEvent {
  journal: DatasetJournal;
  /** Hands the event the write recorded to the event log's listeners (webhooks, …). */
  announce(): Promise<void>;
}

/**
 * The event of a dataset write (`dataset.created`, `dataset.updated`,
 * `dataset.deleted`), for the store to write with the dataset in one
 * atomic write, as a project write takes its event: a refused event leaves
 * no dataset change, and no event is kept for a refused change. Its
 * details are `{name}` of the dataset as written.
 */
export function datasetWriteEvent(
  events: EventLog,
  kind: string,
  caller: DatasetCaller,
): DatasetWriteEvent {
  let recorded: EventRecord | undefined;
  return {
    journal: {
      event: (dataset: DatasetRecord) =>
        datasetEvent(kind, `dataset:${dataset.id}`, dataset.project, caller, {
          name: dataset.name,
        }),
      recorded: (event) => {
        recorded = event;
      },
    },
    announce: async () => {
      if (recorded !== undefined) await events.announce(recorded);
    },
  };
}
