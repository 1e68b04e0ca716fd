import type { JsonValue, QueueHandler, Store } from '@allot/core';
import { readChunks } from './dataset-chunks.js';
import { recordDatasetWorkerEvent } from './dataset-worker-event.js';
import {
  EXPORT_MEDIA_TYPES,
  exportKeys,
  type DatasetExportPayload,
} from './dataset-export-records.js';
import type { EventLog } from './event-log.js';
import { EXPORT_ATTEMPTS } from './export-dataset-to-s3.js';
import type { ObjectStorage } from './object-storage.js';
import { S3_INTEGRATION_KIND, type S3IntegrationBody } from './s3-integration-records.js';
import { DATASET_KIND, findSynthRecord, type DatasetBody } from './synth-records.js';

/** What an export needs. */
export interface DatasetExportDeps {
  store: Store;
  events: EventLog;
  storage: ObjectStorage;
  clock: () => Date;
}

/** Who the queue's own work is done as, in the event log. */
const WORKER = 'allot:dataset-export';

/**
 * The queue handler of `dataset-s3-export`: streams each file of the
 * dataset from the store to the bucket, piece by piece (the SDK uploads a
 * large file in parts), then writes the manifest, and records
 * `dataset.exported` with a notification to whoever asked. A failure is
 * thrown for the queue to retry; the last attempt's is recorded as
 * `dataset.export_failed` (with a notification) before it is thrown. A
 * dataset or integration deleted meanwhile ends the job quietly.
 */
export function datasetExportHandler(deps: DatasetExportDeps): QueueHandler<DatasetExportPayload> {
  return async (work): Promise<JsonValue> => {
    const { workspace, payload } = work;
    const datasetRecord = await findSynthRecord(
      deps.store,
      workspace,
      DATASET_KIND,
      payload.dataset,
    );
    const integration = await deps.store.getCatalogueById(workspace, payload.integration);
    if (datasetRecord === undefined || integration?.kind !== S3_INTEGRATION_KIND)
      return { dataset: payload.dataset, status: 'gone' };
    const dataset = datasetRecord.body as DatasetBody;
    const { target } = integration.body as S3IntegrationBody;
    const keys = exportKeys(target.prefix, dataset.id, dataset.files);
    const record = (kind: string, details: Record<string, JsonValue>) =>
      recordDatasetWorkerEvent(deps, {
        workspace,
        actor: WORKER,
        kind,
        dataset,
        details: {
          integration: payload.integration,
          bucket: target.bucket,
          prefix: keys.base,
          ...details,
        },
        notify: payload.requestedBy,
      });
    try {
      const total = dataset.files.reduce((sum, f) => sum + f.bytes, 0);
      let done = 0;
      for (const { file, key } of keys.files) {
        work.progress(done, total, `uploading ${key}`);
        await deps.storage.upload(target, {
          key,
          body: readChunks(deps.store, { workspace, dataset: dataset.id, file }),
          length: file.bytes,
          contentType: EXPORT_MEDIA_TYPES[file.format],
        });
        done += file.bytes;
        if (work.signal.aborted) throw new Error('export cancelled');
      }
      const manifest = JSON.stringify(
        {
          dataset: dataset.id,
          name: dataset.name,
          seed: dataset.params.seed,
          exported_at: deps.clock().toISOString(),
          files: keys.files.map(({ file, key }) => ({
            key,
            format: file.format,
            file_index: file.index,
            entity: file.entity,
            records: file.records,
            size: file.bytes,
            sha256: file.sha256,
          })),
        },
        null,
        2,
      );
      await deps.storage.upload(target, {
        key: keys.manifest,
        body: (async function* () {
          yield Buffer.from(manifest, 'utf8');
        })(),
        length: Buffer.byteLength(manifest),
        contentType: 'application/json; charset=utf-8',
      });
      work.progress(total, total, `${keys.files.length} files uploaded`);
      await record('dataset.exported', {
        objects: keys.files.length + 1,
        bytes: total,
        manifest: keys.manifest,
      });
      return { dataset: dataset.id, status: 'exported', objects: keys.files.length + 1 };
    } catch (error) {
      if (work.attempt >= EXPORT_ATTEMPTS || work.signal.aborted)
        await record('dataset.export_failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      throw error;
    }
  };
}
