import { createHash } from 'node:crypto';
import {
  AllotError,
  entityOrder,
  type BlockVersionTarget,
  type JsonValue,
  type QueueHandler,
  type QueueWork,
  type Store,
} from '@allot/core';
import type { DatasetGenerationPayload } from './create-synthetic-dataset.js';
import { DATASET_ATTEMPTS } from './create-synthetic-dataset.js';
import { DatasetFileSink, deleteChunks, pieceBytesFor } from './dataset-chunks.js';
import { resolveDatasetEntities, type ResolvedEntity } from './dataset-entities.js';
import type { EventLog } from './event-log.js';
import {
  DATASET_KIND,
  findSynthRecord,
  synthName,
  type DatasetBlock,
  type DatasetBody,
  type DatasetFile,
} from './synth-records.js';
import { recordDatasetWorkerEvent } from './dataset-worker-event.js';
import { datasetFileName, writeDatasetFiles } from './write-dataset-files.js';

/** What a generation needs. */
export interface DatasetGenerationDeps {
  store: Store;
  events: EventLog;
  clock: () => Date;
  /** Bytes per stored piece of a file; default {@link pieceBytesFor} the files open at once. */
  pieceBytes?: number;
}

/**
 * Pieces of a file stored side by side: an embedded store's put waits on
 * fsync, and with one at a time a fast generator waits on the disk.
 */
const PIECES_IN_FLIGHT = 2;

/** Who the queue's own work is done as, in the catalogue and the event log. */
const WORKER = 'allot:dataset-generation';

/**
 * The queue handler of `dataset-generation`: generates a dataset's
 * entities, streams each file into the store in pieces, adds every entity's
 * rows as a data block version (so pools can allocate from them), then
 * stores the dataset `completed` with its file index and records
 * `dataset.completed`. When the schema and constraints cannot hold (a
 * domain error), or the last attempt fails, the dataset is stored `failed`
 * with the reason, its pieces are deleted, and `dataset.failed` is
 * recorded. An earlier attempt's unexpected failure is thrown for the queue
 * to retry. A dataset deleted meanwhile is left deleted.
 */
export function datasetGenerationHandler(
  deps: DatasetGenerationDeps,
): QueueHandler<DatasetGenerationPayload> {
  return async (work): Promise<JsonValue> => {
    const record = await findSynthRecord(
      deps.store,
      work.workspace,
      DATASET_KIND,
      work.payload.dataset,
    );
    const dataset = record?.body as DatasetBody | undefined;
    if (dataset === undefined) return { dataset: work.payload.dataset, status: 'deleted' };
    if (dataset.status !== 'queued') return { dataset: dataset.id, status: dataset.status };
    const written: DatasetFileSink[] = [];
    const files = () => written.map((sink) => sink.file);
    try {
      const outcome = await generate(deps, work, dataset, written);
      const done = await finish(deps, work.workspace, dataset.id, (latest) => ({
        ...latest,
        status: 'completed',
        error: null,
        files: outcome.files,
        blocks: outcome.blocks,
        finishedAt: deps.clock().toISOString(),
      }));
      if (done === null) {
        await deleteChunks(deps.store, {
          workspace: work.workspace,
          dataset: dataset.id,
          files: files(),
          actor: WORKER,
          now: deps.clock(),
        });
        return { dataset: dataset.id, status: 'deleted' };
      }
      await recordDatasetWorkerEvent(deps, {
        workspace: work.workspace,
        actor: WORKER,
        kind: 'dataset.completed',
        dataset: done,
        details: {
          records: done.recordCount,
          files: done.files.length,
          blocks: done.blocks.map((b) => `${b.block}@${b.version}`),
        },
        notify: done.createdByUser,
      });
      return { dataset: dataset.id, status: 'completed', files: done.files.length };
    } catch (error) {
      // A piece still being stored would outlive a delete made now: its put is waited for first.
      await Promise.all(written.map((sink) => sink.drain()));
      await deleteChunks(deps.store, {
        workspace: work.workspace,
        dataset: dataset.id,
        files: files(),
        actor: WORKER,
        now: deps.clock(),
      }).catch(() => undefined);
      const final = error instanceof AllotError || work.attempt >= DATASET_ATTEMPTS;
      if (!final || work.signal.aborted) throw error;
      const reason = {
        code: error instanceof AllotError ? error.code : 'GENERATION_FAILED',
        message: error instanceof Error ? error.message : String(error),
      };
      const failed = await finish(deps, work.workspace, dataset.id, (latest) => ({
        ...latest,
        status: 'failed',
        error: reason,
        finishedAt: deps.clock().toISOString(),
      }));
      if (failed !== null)
        await recordDatasetWorkerEvent(deps, {
          workspace: work.workspace,
          actor: WORKER,
          kind: 'dataset.failed',
          dataset: failed,
          details: { error: reason },
          notify: failed.createdByUser,
        });
      return { dataset: dataset.id, status: 'failed', error: reason };
    }
  };
}

async function generate(
  deps: DatasetGenerationDeps,
  work: QueueWork<DatasetGenerationPayload>,
  dataset: DatasetBody,
  written: DatasetFileSink[],
): Promise<{ files: DatasetFile[]; blocks: DatasetBlock[] }> {
  const resolved = await resolveDatasetEntities(deps.store, {
    workspace: work.workspace,
    project: dataset.project,
    entities: [
      {
        schema: dataset.schema,
        constraintSet: dataset.constraintSet,
        recordCount: dataset.recordCount,
      },
      ...dataset.entities,
    ],
    snapshot: dataset.constraints,
  });
  // Each entity's block version is built from the same records as the files, on the second thread.
  const inOrder = entityOrder(resolved.map((r) => ({ ...r.spec, entity: r })));
  // The current entity's files fill at once, one per format, each with its piece buffers.
  const pieceBytes = deps.pieceBytes ?? pieceBytesFor(dataset.formats.length, 1 + PIECES_IN_FLIGHT);
  const versions = await writeDatasetFiles({
    entities: resolved.map((r) => r.spec),
    formats: dataset.formats,
    seed: dataset.params.seed,
    locale: dataset.params.locale,
    batchSize: dataset.params.batchSize,
    fileSplit: dataset.params.fileSplit,
    open: (file) => {
      const sink = new DatasetFileSink({
        store: deps.store,
        workspace: work.workspace,
        dataset: dataset.id,
        actor: WORKER,
        now: deps.clock,
        pieceBytes,
        piecesInFlight: PIECES_IN_FLIGHT,
        file: {
          format: file.format,
          index: file.index,
          entity: file.entity,
          records: file.records,
          name: datasetFileName(
            file.entity,
            dataset.params.fileSplit === null ? null : file.part,
            file.format,
          ),
        },
      });
      written.push(sink);
      return sink;
    },
    batches: {
      write: () => {
        if (work.signal.aborted) throw new Error('generation cancelled');
      },
    },
    blocks: inOrder.map(({ entity }) => ({
      entity: entity.spec.name,
      ...blockTarget(dataset, entity, resolved.length),
    })),
    onProgress: (done, total) => work.progress(done, total, `${done} of ${total} records`),
  });
  const blocks: DatasetBlock[] = [];
  for (const { entity } of inOrder) {
    const version = versions.get(entity.spec.name)!;
    // Let go of each entity's table once it is stored.
    versions.delete(entity.spec.name);
    const meta = await deps.store.addBlockVersion(work.workspace, version);
    blocks.push({
      entity: entity.spec.name,
      block: meta.block,
      version: meta.version,
      rows: entity.recordCount,
    });
  }
  // Files in the order they were indexed, formats in the order asked.
  const position = (f: DatasetFile) =>
    f.index * dataset.formats.length + dataset.formats.indexOf(f.format);
  const files = written.map((s) => s.file).sort((a, b) => position(a) - position(b));
  return { files, blocks };
}

/** An entity's block version: named after the dataset's block param, keyed by a unique top-level field. */
function blockTarget(
  dataset: DatasetBody,
  entity: ResolvedEntity,
  entities: number,
): BlockVersionTarget {
  const block =
    dataset.params.block === null
      ? entity.spec.name
      : entities === 1
        ? dataset.params.block
        : `${dataset.params.block}.${entity.spec.name}`;
  const key = Object.entries(entity.constraints?.fields ?? {}).find(
    ([path, c]) => c.unique === true && !path.includes('.'),
  );
  return {
    block,
    schema: entity.spec.schema,
    keyColumn: key?.[0] ?? null,
    expectedRows: entity.recordCount,
    sourceHash: createHash('sha256')
      .update(JSON.stringify([dataset.id, entity.spec.name, dataset.params.seed]))
      .digest('hex'),
  };
}

/**
 * Writes a dataset's outcome as its next version, by compare-and-set on
 * the version read, so the creator's own second write and a delete are
 * never overwritten; null when the dataset was deleted.
 */
async function finish(
  deps: DatasetGenerationDeps,
  workspace: string,
  id: number,
  change: (latest: DatasetBody) => DatasetBody,
): Promise<DatasetBody | null> {
  for (;;) {
    const latest = await findSynthRecord(deps.store, workspace, DATASET_KIND, id);
    if (latest === undefined) return null;
    const body = change(latest.body as DatasetBody);
    try {
      await deps.store.putCatalogue(
        {
          ...synthName(DATASET_KIND, workspace, id),
          body,
          actor: WORKER,
          keepId: true,
          expectedVersion: latest.version,
        },
        deps.clock(),
      );
      return body;
    } catch (error) {
      if (!(error instanceof AllotError && error.code === 'VERSION_CONFLICT')) throw error;
    }
  }
}
