import type {
  DatasetFillResult,
  DatasetJournal,
  DatasetRecord,
  EventRecord,
  NewEvent,
  RecordJournal,
  VariableJournal,
  VariableRecord,
} from '@allot/core';
import { datasetEvent, type DatasetCaller } from './dataset-caller.js';
import type { EventLog } from './event-log.js';

/** A journal for one write of the datasets slice, and how to tell the listeners once it committed. */
export interface RecordWriteEvent<J> {
  journal: J;
  /** Hands the event the write recorded to the event log's listeners (webhooks, …). */
  announce(): Promise<void>;
}

/** A journal for one dataset write. */
export type DatasetWriteEvent = RecordWriteEvent<DatasetJournal>;

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
  return writeEvent(events, (dataset: DatasetRecord) =>
    datasetEvent(kind, `dataset:${dataset.id}`, dataset.project, caller, { name: dataset.name }),
  );
}

/**
 * The event of a variable write (`variable.created`, `variable.updated`,
 * `variable.deleted`), written with the variable in one atomic write as a
 * dataset's is. Its details are `{name}` of the variable as written (as it
 * was, for a delete).
 */
export function variableWriteEvent(
  events: EventLog,
  kind: string,
  caller: DatasetCaller,
): RecordWriteEvent<VariableJournal> {
  return writeEvent(events, (variable: VariableRecord) =>
    datasetEvent(kind, `variable:${variable.id}`, variable.project, caller, {
      name: variable.name,
    }),
  );
}

/**
 * The event of a job's results written as datasets (`datasets.from-job`,
 * details `{created, updated}` counts), written with them in one atomic write.
 */
export function datasetsFillEvent(
  events: EventLog,
  job: number,
  caller: DatasetCaller,
): RecordWriteEvent<RecordJournal<DatasetFillResult>> {
  return writeEvent(events, (fill: DatasetFillResult) =>
    datasetEvent('datasets.from-job', `job:${job}`, fill.project, caller, {
      created: fill.created.length,
      updated: fill.updated.length,
    }),
  );
}

function writeEvent<R>(
  events: EventLog,
  event: (record: R) => NewEvent,
): RecordWriteEvent<RecordJournal<R>> {
  let recorded: EventRecord | undefined;
  return {
    journal: {
      event,
      recorded: (stored) => {
        recorded = stored;
      },
    },
    announce: async () => {
      if (recorded !== undefined) await events.announce(recorded);
    },
  };
}
