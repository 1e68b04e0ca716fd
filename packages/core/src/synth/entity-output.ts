import type { EntitySpec } from './generate-entities.js';
import type { SynthRecord } from './record-plan.js';
import { recordWriterFor } from './record-writer-for.js';
import type { RecordWriter } from './record-writers.js';
import type { TextBytes } from './text-bytes.js';
import type { ChunkSink, SynthFormat } from './write-dataset.js';

/** What an {@link EntityOutput} is made of. */
export interface EntityOutputOptions {
  entity: EntitySpec;
  format: SynthFormat;
  /** The entity's fields other entities reference (their writers declare keys). */
  referenced: Set<string>;
  /** Records per file; null: one file. */
  recordsPerFile: number | null;
  /** The sink of a part (0, 1 …), asked when the part opens. */
  sink(part: number): ChunkSink;
  /** The buffer byte chunks are encoded into, shared by every output: taken before the next encode. */
  bytes: TextBytes;
}

/**
 * One entity's records in one format, as one file or, past a number of
 * records, as several: each part is a file whole by itself, with its own
 * writer's header and footer (its own CSV header, JSON array, XML root),
 * except that only the first part of SQL gets the `CREATE TABLE`, so the
 * parts run in order.
 */
export class EntityOutput {
  readonly #options: EntityOutputOptions;
  #writer: RecordWriter;
  #sink: ChunkSink;
  #part = 0;
  #inPart = 0;

  constructor(options: EntityOutputOptions) {
    this.#options = options;
    this.#writer = this.#newWriter();
    this.#sink = options.sink(0);
  }

  /** The sink of the part being written. */
  get sink(): ChunkSink {
    return this.#sink;
  }

  /** Writes the first part's header. */
  async header(): Promise<void> {
    await this.#sink.write(this.#writer.header());
  }

  /**
   * Writes records, starting a new part whenever the current one is full;
   * `closePart` is given a finished part's sink once the next part's sink
   * is this output's (the caller decides whether another output still
   * writes to it).
   */
  async write(
    records: readonly SynthRecord[],
    closePart: (sink: ChunkSink) => Promise<void>,
  ): Promise<void> {
    const limit = this.#options.recordsPerFile;
    if (limit === null) return this.#chunk(records);
    for (let at = 0; at < records.length;) {
      if (this.#inPart === limit) {
        await this.#sink.write(this.#writer.footer());
        const full = this.#sink;
        this.#part += 1;
        this.#inPart = 0;
        this.#writer = this.#newWriter();
        this.#sink = this.#options.sink(this.#part);
        await closePart(full);
        const header = this.#writer.header();
        if (this.#options.format !== 'sql') await this.#sink.write(header);
      }
      const take = Math.min(limit - this.#inPart, records.length - at);
      await this.#chunk(
        at === 0 && take === records.length ? records : records.slice(at, at + take),
      );
      this.#inPart += take;
      at += take;
    }
  }

  /** Writes the last part's footer. */
  async footer(): Promise<void> {
    await this.#sink.write(this.#writer.footer());
  }

  async #chunk(records: readonly SynthRecord[]): Promise<void> {
    const { bytes } = this.#options;
    if (this.#writer.encode !== undefined && this.#sink.writeBytes !== undefined) {
      bytes.clear();
      this.#writer.encode(records, bytes);
      await this.#sink.writeBytes(bytes.view());
    } else await this.#sink.write(this.#writer.write(records));
  }

  #newWriter(): RecordWriter {
    return recordWriterFor(this.#options.format, this.#options.entity, this.#options.referenced);
  }
}
