import {
  entityOrder,
  writeDatasetInParallel,
  type BatchSink,
  type BlockVersionTarget,
  type NewBlockVersion,
  type ChunkSink,
  type EntitySpec,
  type SynthFormat,
} from '@allot/core';

/** Options of {@link writeDatasetFiles}. */
export interface WriteDatasetFilesOptions {
  entities: EntitySpec[];
  formats: readonly SynthFormat[];
  seed: string | number;
  locale: string;
  batchSize: number;
  /** Records per file; null: one file per entity and format. */
  fileSplit: number | null;
  /**
   * A new file: its format, its index among that format's files, its
   * entity, its part and the records it will hold. Its sink gets the
   * file's chunks (as bytes when it can) and is closed once the file is whole.
   */
  open(file: DatasetFileSlot): ChunkSink;
  /** Every batch, once, before the files: a check for cancellation. */
  batches: BatchSink;
  /** The data block versions to build from the same records, one per entity named. */
  blocks: readonly (BlockVersionTarget & { entity: string })[];
  onProgress(done: number, total: number): void;
}

/** Where a file of a dataset goes, decided before it is written. */
export interface DatasetFileSlot {
  format: SynthFormat;
  /** Its position among the files of its format. */
  index: number;
  entity: string;
  /** Its part of the entity's records, from 0. */
  part: number;
  /** The records it holds. */
  records: number;
}

const EXTENSIONS: Record<SynthFormat, string> = {
  csv: 'csv',
  json: 'json',
  jsonl: 'jsonl',
  xml: 'xml',
  sql: 'sql',
};

/** The name a file downloads as: the entity, its part when split, the format's extension. */
export function datasetFileName(entity: string, part: number | null, format: SynthFormat): string {
  return `${entity}${part === null ? '' : `-${part + 1}`}.${EXTENSIONS[format]}`;
}

/**
 * Generates the entities with core's `writeDatasetInParallel` (half the
 * formats and the block versions on a second thread), and writes one
 * file per entity and format, or several when `fileSplit` caps the records
 * of a file; every file is whole by itself (its own CSV header, JSON array,
 * XML root), except that the `CREATE TABLE` of an SQL entity opens only its
 * first part, so the parts run in order. Files of a format are indexed by
 * entity, in generation order (dependency order), then part; entities of no
 * records (one empty file each) come last.
 */
export async function writeDatasetFiles(
  options: WriteDatasetFilesOptions,
): Promise<Map<string, NewBlockVersion>> {
  const slots = fileSlots(options.entities, options.fileSplit);
  const { blocks } = await writeDatasetInParallel({
    entities: options.entities,
    formats: options.formats,
    seed: options.seed,
    locale: options.locale,
    batchSize: options.batchSize,
    recordsPerFile: options.fileSplit,
    onProgress: (p) => options.onProgress(p.doneAll, p.totalAll),
    batches: options.batches,
    blocks: options.blocks,
    sink: (entity, format, part) => options.open({ ...slots.get(entity)![part]!, format }),
  });
  return blocks;
}

/** Every entity's files (the same for every format): their index and record count, by part. */
function fileSlots(
  entities: readonly EntitySpec[],
  split: number | null,
): Map<string, Omit<DatasetFileSlot, 'format'>[]> {
  const ordered = entityOrder(entities);
  const slots = new Map<string, Omit<DatasetFileSlot, 'format'>[]>();
  let index = 0;
  for (const entity of [
    ...ordered.filter((e) => e.count > 0),
    ...ordered.filter((e) => e.count === 0),
  ]) {
    const parts = split === null || entity.count === 0 ? 1 : Math.ceil(entity.count / split);
    const per = split ?? entity.count;
    slots.set(
      entity.name,
      Array.from({ length: parts }, (_, part) => ({
        index: index++,
        entity: entity.name,
        part,
        records: Math.min(per, entity.count - part * per),
      })),
    );
  }
  return slots;
}
