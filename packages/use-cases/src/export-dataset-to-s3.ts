import { AllotError, type CatalogueStore, type WorkQueue } from '@allot/core';
import type { Acting } from './acting.js';
import {
  DATASET_EXPORT_KIND,
  exportKeys,
  type DatasetExportPayload,
} from './dataset-export-records.js';
import type { ObjectStorage } from './object-storage.js';
import { readSyntheticDataset } from './read-synthetic-dataset.js';
import { S3_INTEGRATION_KIND, type S3IntegrationBody } from './s3-integration-records.js';

/** An export as queued: where each file goes, and the job that uploads them. */
export interface DatasetExport {
  dataset: number;
  integration: string;
  bucket: string;
  /** The key every object of this export starts with. */
  prefix: string;
  objects: Array<{ key: string; format: string; index: number; bytes: number }>;
  manifest: string;
  queuedJob: string;
}

/** Attempts of an export: a bucket's short outage is retried, with backoff. */
export const EXPORT_ATTEMPTS = 3;

/**
 * Queues the upload of a completed dataset's files (every format and file
 * index) to an S3 integration of the workspace, after checking, in this
 * order, that the dataset exists and has completed, that the integration
 * is an active S3 one, and that its bucket answers: a request refused for
 * any of these writes nothing, neither job nor object.
 *
 * @throws {@link AllotError} `NOT_FOUND` (dataset or integration); `INVALID_INPUT` with field
 *   `status` for a dataset not completed, field `integration` for an integration that is not S3
 *   or is inactive; `INTEGRATION_FAILED` when the bucket cannot be reached
 */
export async function exportDatasetToS3(
  store: CatalogueStore,
  queue: WorkQueue,
  storage: ObjectStorage,
  /** `project`: the dataset must be of this project (NOT_FOUND otherwise). */
  ref: { dataset: number; integration: string; project?: number | undefined },
  acting: Acting,
): Promise<DatasetExport> {
  const dataset = await readSyntheticDataset(store, queue, {
    workspace: acting.workspace,
    id: ref.dataset,
    project: ref.project,
  });
  if (dataset.status !== 'completed')
    throw new AllotError(
      'INVALID_INPUT',
      `dataset ${dataset.id} is ${dataset.status}, not completed`,
      { field: 'status', status: dataset.status },
    );
  const record = /^[0-9a-f]{24}$/.test(ref.integration)
    ? await store.getCatalogueById(acting.workspace, ref.integration)
    : undefined;
  if (record === undefined || !['webhook', S3_INTEGRATION_KIND].includes(record.kind))
    throw new AllotError('NOT_FOUND', `no integration ${ref.integration}`);
  if (record.kind !== S3_INTEGRATION_KIND)
    throw new AllotError(
      'INVALID_INPUT',
      `integration ${ref.integration} is a ${record.kind}, not an s3 integration`,
      { field: 'integration' },
    );
  const body = record.body as S3IntegrationBody;
  if (!body.active)
    throw new AllotError('INVALID_INPUT', `integration ${ref.integration} is inactive`, {
      field: 'integration',
    });
  await storage.check(body.target);
  const keys = exportKeys(body.target.prefix, dataset.id, dataset.files);
  const payload: DatasetExportPayload = {
    dataset: dataset.id,
    integration: record.id,
    requestedBy: acting.user,
  };
  const bytes = dataset.files.reduce((sum, f) => sum + f.bytes, 0);
  const queuedJob = await queue.enqueue(acting.workspace, DATASET_EXPORT_KIND, payload, {
    maxAttempts: EXPORT_ATTEMPTS,
    retryDelayMs: 2000,
    retryBackoff: true,
    // Room for a slow link: 15 minutes, plus a minute per 100 MB.
    timeoutSeconds: 900 + Math.ceil(bytes / 100_000_000) * 60,
  });
  return {
    dataset: dataset.id,
    integration: record.id,
    bucket: body.target.bucket,
    prefix: keys.base,
    objects: keys.files.map(({ file, key }) => ({
      key,
      format: file.format,
      index: file.index,
      bytes: file.bytes,
    })),
    manifest: keys.manifest,
    queuedJob,
  };
}
