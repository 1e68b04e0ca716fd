import { AllotError, type CatalogueStore, type SynthFormat, type WorkQueue } from '@allot/core';
import { readChunks } from './dataset-chunks.js';
import { readSyntheticDataset } from './read-synthetic-dataset.js';
import type { SynthRef } from './read-schema-record.js';
import type { DatasetFile } from './synth-records.js';

/** A generated file to send: its index entry and its bytes, piece by piece (each piece whole UTF-8). */
export interface SyntheticDatasetDownload {
  file: DatasetFile;
  chunks: AsyncIterable<Buffer>;
}

/**
 * One file of a completed dataset, by format and index among that format's
 * files, read from the store (any replica serves it).
 *
 * @throws {@link AllotError} `NOT_FOUND` for an unknown dataset, a format it
 *   was not generated in, or an index past its files; `INVALID_INPUT` when
 *   the dataset has not completed (the message says its status)
 */
export async function readSyntheticDatasetFile(
  store: CatalogueStore,
  queue: WorkQueue,
  ref: SynthRef & { format?: SynthFormat | undefined; index?: number | undefined },
): Promise<SyntheticDatasetDownload> {
  const dataset = await readSyntheticDataset(store, queue, ref);
  if (dataset.status !== 'completed') {
    throw new AllotError(
      'INVALID_INPUT',
      `dataset ${dataset.id} is ${dataset.status}, not completed`,
      {
        field: 'status',
        status: dataset.status,
      },
    );
  }
  const format = ref.format ?? dataset.formats[0]!;
  const index = ref.index ?? 0;
  const file = dataset.files.find((f) => f.format === format && f.index === index);
  if (file === undefined) {
    const count = dataset.files.filter((f) => f.format === format).length;
    throw new AllotError(
      'NOT_FOUND',
      count === 0
        ? `dataset ${dataset.id} has no ${format} files (${dataset.formats.join(', ')})`
        : `dataset ${dataset.id} has ${count} ${format} file(s): no index ${index}`,
      { field: count === 0 ? 'format' : 'file_index' },
    );
  }
  return {
    file,
    chunks: readChunks(store, { workspace: ref.workspace, dataset: dataset.id, file }),
  };
}
