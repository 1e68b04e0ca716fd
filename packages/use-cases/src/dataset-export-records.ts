import type { SynthFormat } from '@allot/core';
import type { DatasetFile } from './synth-records.js';

/** The queued job kind that uploads a dataset's files to an S3 integration. */
export const DATASET_EXPORT_KIND = 'dataset-s3-export';

/** What an export job carries: which dataset, to which integration, for whom. */
export type DatasetExportPayload = {
  dataset: number;
  integration: string;
  /** The user told (a notification) when it ends. */
  requestedBy: string;
};

/** The media type each format's object is stored with. */
export const EXPORT_MEDIA_TYPES: Record<SynthFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  sql: 'application/sql; charset=utf-8',
};

/**
 * The key layout of an export, under the integration's prefix:
 * `datasets/<dataset id>/<format>/<file name>` per file (the name the
 * download has, `<entity>[-<part>].<ext>`), and `datasets/<dataset id>/manifest.json`
 * written last, so a reader that finds the manifest finds every file.
 */
export function exportKeys(prefix: string, dataset: number, files: readonly DatasetFile[]) {
  const base = `${prefix}datasets/${dataset}/`;
  return {
    base,
    manifest: `${base}manifest.json`,
    files: files.map((file) => ({ file, key: `${base}${file.format}/${file.name}` })),
  };
}
