import {
  entityOrder,
  generateEntities,
  recordWriterFor,
  referencedFields,
  type EntitySpec,
  type RecordWriter,
  type SynthFormat,
  type SynthRecord,
} from '@allot/core';

/** Where one file goes. */
export interface FileSink {
  write(text: string): Promise<void>;
  /** Records written to it (once per write of records). */
  count(records: number): void;
  close(): Promise<unknown>;
}

/** Options of {@link writeDatasetFiles}. */
export interface WriteDatasetFilesOptions {
  entities: EntitySpec[];
  formats: readonly SynthFormat[];
  seed: string | number;
  locale: string;
  batchSize: number;
  /** Records per file; null: one file per entity and format. */
  fileSplit: number | null;
  /** A new file: its format, its index among that format's files, its entity and part. */
  open(file: { format: SynthFormat; index: number; entity: string; part: number }): FileSink;
  /** Every batch, for the data block and cancellation. */
  onBatch(entity: string, records: readonly SynthRecord[]): void;
  onProgress(done: number, total: number): void;
  /** Checked between batches: generation stops with its throw. */
  checkpoint(): void;
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
 * Generates the entities and writes one file per entity and format, or
 * several when `fileSplit` caps the records of a file; every file is whole
 * by itself (its own CSV header, JSON array, XML root), except that the
 * `CREATE TABLE` of an SQL entity opens only its first part, so the parts
 * run in order. Files of a format are indexed in generation order
 * (dependency order of the entities, then part).
 */
export async function writeDatasetFiles(options: WriteDatasetFilesOptions): Promise<void> {
  const ordered = entityOrder(options.entities);
  const referenced = referencedFields(ordered);
  const next = new Map<SynthFormat, number>(options.formats.map((f) => [f, 0]));
  interface Open {
    format: SynthFormat;
    writer: RecordWriter;
    sink: FileSink;
  }
  let current: Open[] = [];
  let entity: string | null = null;
  let part = 0;
  let inPart = 0;
  const closeAll = async () => {
    for (const file of current) {
      await file.sink.write(file.writer.footer());
      await file.sink.close();
    }
    current = [];
  };
  const openAll = async (spec: EntitySpec) => {
    for (const format of options.formats) {
      const index = next.get(format)!;
      next.set(format, index + 1);
      const writer = recordWriterFor(format, spec, referenced.get(spec.name) ?? new Set());
      const sink = options.open({ format, index, entity: spec.name, part });
      const header = writer.header();
      if (format !== 'sql' || part === 0) await sink.write(header);
      current.push({ format, writer, sink });
    }
  };
  const byName = new Map(ordered.map((e) => [e.name, e]));
  for (const batch of generateEntities({
    entities: options.entities,
    seed: options.seed,
    locale: options.locale,
    batchSize: options.batchSize,
    onProgress: (p) => options.onProgress(p.doneAll, p.totalAll),
  })) {
    options.checkpoint();
    const spec = byName.get(batch.entity)!;
    if (batch.entity !== entity) {
      await closeAll();
      entity = batch.entity;
      part = 0;
      inPart = 0;
      await openAll(spec);
    }
    options.onBatch(batch.entity, batch.records);
    let rest: readonly SynthRecord[] = batch.records;
    while (rest.length > 0) {
      if (options.fileSplit !== null && inPart === options.fileSplit) {
        await closeAll();
        part += 1;
        inPart = 0;
        await openAll(spec);
      }
      const room = options.fileSplit === null ? rest.length : options.fileSplit - inPart;
      const take = rest.slice(0, room);
      rest = rest.slice(take.length);
      inPart += take.length;
      for (const file of current) {
        await file.sink.write(file.writer.write(take));
        file.sink.count(take.length);
      }
    }
  }
  await closeAll();
  // An entity of no records still gets its (empty) files.
  for (const spec of ordered) {
    if (spec.count > 0) continue;
    part = 0;
    await openAll(spec);
    await closeAll();
  }
}
