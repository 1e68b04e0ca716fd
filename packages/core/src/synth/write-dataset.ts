import { AllotError } from '../errors.js';
import { entityOrder } from './entity-order.js';
import { generateEntities, type GenerateOptions } from './generate-entities.js';
import { recordWriterFor, referencedFields } from './record-writer-for.js';
import type { RecordWriter } from './record-writers.js';
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

/** Options of {@link writeDataset}. */
export interface WriteDatasetOptions extends GenerateOptions {
  formats: readonly SynthFormat[];
  /**
   * The sink for one entity in one format. Returning the same sink for
   * several entities (one `.sql` file, say) is allowed: it is closed once,
   * and gets every `CREATE TABLE` first, in dependency order, then the inserts.
   */
  sink(entity: string, format: SynthFormat): ChunkSink;
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
  const ordered = entityOrder(options.entities);
  const referenced = referencedFields(ordered);
  const outputs = new Map<string, { writer: RecordWriter; sink: ChunkSink }[]>();
  for (const entity of ordered) {
    outputs.set(
      entity.name,
      options.formats.map((format) => ({
        writer: recordWriterFor(format, entity, referenced.get(entity.name) ?? new Set()),
        sink: options.sink(entity.name, format),
      })),
    );
  }
  const all = [...outputs.values()].flat();
  for (const { writer, sink } of all) await sink.write(writer.header());
  // One buffer for every batch: each sink has taken its bytes before the next batch is encoded.
  const bytes = new TextBytes();
  for (const batch of generateEntities(options)) {
    for (const { writer, sink } of outputs.get(batch.entity)!) {
      if (writer.encode !== undefined && sink.writeBytes !== undefined) {
        bytes.clear();
        writer.encode(batch.records, bytes);
        await sink.writeBytes(bytes.view());
      } else await sink.write(writer.write(batch.records));
    }
  }
  for (const { writer, sink } of all) await sink.write(writer.footer());
  for (const sink of new Set(all.map((o) => o.sink))) await sink.close?.();
  return { entities: ordered.map((e) => ({ name: e.name, count: e.count })) };
}
