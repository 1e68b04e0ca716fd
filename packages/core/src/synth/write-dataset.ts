import { AllotError } from '../errors.js';
import { entityOrder } from './entity-order.js';
import { EntityOutput } from './entity-output.js';
import { generateEntities, type GenerateOptions, type SynthBatch } from './generate-entities.js';
import { referencedFields } from './record-writer-for.js';
import { TextBytes } from './text-bytes.js';

/** The formats a dataset is written in. */
export type SynthFormat = 'csv' | 'json' | 'jsonl' | 'xml' | 'sql';

/** Every {@link SynthFormat}. */
export const SYNTH_FORMATS: readonly SynthFormat[] = ['csv', 'json', 'jsonl', 'xml', 'sql'];

/** Where chunks of one file go (a file stream, an upload, a buffer in tests). */
export interface ChunkSink {
  write(chunk: string): void | Promise<void>;
  /**
   * Optional, the fast path: the next chunk as UTF-8 bytes. The bytes are a
   * view of memory the next batch reuses, valid only until the returned
   * promise settles (or the call returns): write or copy them, never keep
   * the view. Without it, batches come to {@link write} as text.
   */
  writeBytes?(bytes: Uint8Array): void | Promise<void>;
  /** Called once after the last chunk. */
  close?(): void | Promise<void>;
}

/**
 * Where each batch of records goes as it is generated, before its chunks
 * are written: a data block version being built from the same records, a
 * check for cancellation (a throw stops the run).
 */
export interface BatchSink {
  write(batch: SynthBatch): void | Promise<void>;
}

/** Options of {@link writeDataset}. */
export interface WriteDatasetOptions extends GenerateOptions {
  formats: readonly SynthFormat[];
  /**
   * The sink for one entity in one format: for its part `part` (0, 1 …)
   * when {@link recordsPerFile} splits it, else for part 0 only. Returning
   * the same sink for several entities (one `.sql` file, say) is allowed: it
   * is closed once, and gets every `CREATE TABLE` first, in dependency
   * order, then the inserts. A part's sink is closed when the part is full
   * (unless another output still writes to it), an entity's last part once
   * its last record is written, and a sink several entities share at the end.
   * Part 0 of every entity is asked for first, in dependency order, then
   * each further part when its first record comes.
   */
  sink(entity: string, format: SynthFormat, part: number): ChunkSink;
  /**
   * Records per file: an entity's records past it go to its next part, a
   * file whole by itself (see {@link EntityOutput}). Null or omitted: one
   * file per entity and format.
   */
  recordsPerFile?: number | null;
  /** Gets every batch, once, before this thread's files do. */
  batches?: BatchSink;
}

/** What was written. */
export interface DatasetSummary {
  /** Entities in the order they were generated, with their record counts. */
  entities: { name: string; count: number }[];
}

/**
 * Generates a dataset and streams it to sinks in every format asked, one
 * batch in memory at a time; a sink's returned promise is awaited, which is
 * the back-pressure. The writer for each format is the library's own:
 * {@link createCsvWriter}, {@link createJsonWriter}, {@link createJsonLinesWriter},
 * {@link createXmlWriter}, {@link createSqlWriter}.
 */
export async function writeDataset(options: WriteDatasetOptions): Promise<DatasetSummary> {
  for (const format of options.formats) {
    if (!SYNTH_FORMATS.includes(format)) {
      throw new AllotError(
        'INVALID_INPUT',
        `unknown format ${format} (${SYNTH_FORMATS.join(', ')})`,
        { field: 'formats' },
      );
    }
  }
  const perFile = options.recordsPerFile ?? null;
  if (perFile !== null && (!Number.isInteger(perFile) || perFile < 1)) {
    throw new AllotError('INVALID_INPUT', `records per file must be a whole number from 1`, {
      field: 'recordsPerFile',
    });
  }
  const ordered = entityOrder(options.entities);
  const referenced = referencedFields(ordered);
  // One buffer for every batch: each sink has taken its bytes before the next batch is encoded.
  const bytes = new TextBytes();
  const outputs = new Map<string, EntityOutput[]>();
  for (const entity of ordered) {
    outputs.set(
      entity.name,
      options.formats.map(
        (format) =>
          new EntityOutput({
            entity,
            format,
            referenced: referenced.get(entity.name) ?? new Set(),
            recordsPerFile: perFile,
            sink: (part) => options.sink(entity.name, format, part),
            bytes,
          }),
      ),
    );
  }
  const all = [...outputs.values()].flat();
  /** Outputs still to get their footer: a sink is closed once none of them writes to it. */
  const open = new Set(all);
  const closed = new Set<ChunkSink>();
  const closePart = async (sink: ChunkSink) => {
    for (const output of open) if (output.sink === sink) return;
    closed.add(sink);
    await sink.close?.();
  };
  /** An entity whose records are all written: its files that no other entity shares end now. */
  const finish = async (entity: string) => {
    for (const output of outputs.get(entity)!) {
      if (all.some((other) => other !== output && other.sink === output.sink)) continue;
      await output.footer();
      open.delete(output);
      await closePart(output.sink);
    }
  };
  for (const output of all) await output.header();
  let current: string | undefined;
  for (const batch of generateEntities(options)) {
    if (current !== undefined && batch.entity !== current) await finish(current);
    current = batch.entity;
    await options.batches?.write(batch);
    for (const output of outputs.get(batch.entity)!) await output.write(batch.records, closePart);
  }
  if (current !== undefined) await finish(current);
  // Files shared by entities (one SQL file, say) end last, their footers in entity order.
  for (const output of open) await output.footer();
  for (const sink of new Set([...open].map((o) => o.sink)))
    if (!closed.has(sink)) await sink.close?.();
  return { entities: ordered.map((e) => ({ name: e.name, count: e.count })) };
}
