import { createHash } from 'node:crypto';
import type { CatalogueStore, ChunkSink, SynthFormat } from '@allot/core';
import { DATASET_CHUNK_KIND, synthName, type DatasetFile } from './synth-records.js';

/**
 * Bytes per stored piece of a file at most. Each piece is one store write
 * (in the embedded store a body file written durably and a journal line):
 * at 512 KiB a million-row dataset took about 970 of them, and their
 * writes, fsyncs and per-put document work were a tenth of the job's CPU
 * and much of its waiting; at 4 MiB it is about 120. A piece is still
 * small next to a bytea row, an HTTP chunk of a download or a body file.
 */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** The smallest piece a job picks: the size pieces had before they grew to {@link CHUNK_BYTES}. */
const MIN_PIECE_BYTES = 512 * 1024;
/**
 * What a job's files may hold in piece buffers together. The files of the
 * entity being generated fill at once, one per format (a file ends with
 * its entity's last record, a part when it is full); each holds the piece
 * filling and the pieces being stored.
 */
const JOB_PIECE_BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * The piece size of a job with `filling` files filling at once, each with
 * `buffers` piece buffers: the largest (up to {@link CHUNK_BYTES}) within
 * the job's budget, never under 512 KiB. Two or five formats with two
 * pieces in flight (three buffers a file) get 4 MiB; five formats with
 * three in flight 3.2 MiB.
 */
export function pieceBytesFor(filling: number, buffers = 2): number {
  const fair = Math.floor(JOB_PIECE_BUDGET_BYTES / (buffers * Math.max(1, filling)));
  return Math.max(MIN_PIECE_BYTES, Math.min(CHUNK_BYTES, fair));
}

/** The first buffer of a file: most files are small, and a file only grows it as its bytes come. */
const FIRST_BUFFER_BYTES = 64 * 1024;
const EMPTY = Buffer.alloc(0);

/** The catalogue name of piece `chunk` of a dataset's file. */
export function chunkName(
  workspace: string,
  dataset: number,
  file: { format: string; index: number },
  chunk: number,
) {
  const base = synthName(DATASET_CHUNK_KIND, workspace, dataset);
  return {
    ...base,
    name: `${base.name}/${file.format}/${file.index}/${String(chunk).padStart(7, '0')}`,
  };
}

/** Options of {@link DatasetFileSink}. */
export interface DatasetFileSinkOptions {
  store: CatalogueStore;
  workspace: string;
  dataset: number;
  actor: string;
  now: () => Date;
  file: { format: SynthFormat; index: number; entity: string; name: string; records: number };
  /** Bytes per piece at most; default {@link CHUNK_BYTES}. */
  pieceBytes?: number;
  /** Pieces being stored at once at most, while the next fills; default 1. */
  piecesInFlight?: number;
}

/**
 * Writes one generated file into the store piece by piece, as it is
 * produced, so any replica can serve it: the file's bytes go into a buffer
 * of up to {@link CHUNK_BYTES}, stored as a body of bytes each time it
 * fills (never as text: no decoding, no escaping). A piece ends before a
 * character its buffer could not hold whole, so every piece is UTF-8 by
 * itself.
 *
 * A full piece is stored while the next one fills (another buffer), so
 * generating the next records overlaps the store's write and fsync of the
 * last pieces; `piecesInFlight` of them at most (one by default), so a
 * store whose writes wait on fsync takes several pieces side by side. A
 * failure is thrown by the next write or by {@link close}; {@link drain}
 * waits for every put whatever its outcome, before the pieces of a failed
 * file are deleted.
 */
export class DatasetFileSink implements ChunkSink {
  readonly file: DatasetFile;
  readonly #store: CatalogueStore;
  readonly #workspace: string;
  readonly #dataset: number;
  readonly #actor: string;
  readonly #now: () => Date;
  readonly #pieceBytes: number;
  readonly #hash = createHash('sha256');
  #buffer: Buffer;
  #length = 0;
  /** The buffer of a piece stored, free again once its put resolved (one kept at most). */
  #spare: Buffer[] = [];
  /** The puts of the pieces in flight, oldest first; they never reject (see {@link #failure}). */
  #storing: Promise<void>[] = [];
  readonly #inFlight: number;
  #failure: { error: unknown } | undefined;

  constructor(options: DatasetFileSinkOptions) {
    this.#store = options.store;
    this.#workspace = options.workspace;
    this.#dataset = options.dataset;
    this.#actor = options.actor;
    this.#now = options.now;
    this.#pieceBytes = options.pieceBytes ?? CHUNK_BYTES;
    this.#inFlight = options.piecesInFlight ?? 1;
    if (!Number.isInteger(this.#inFlight) || this.#inFlight < 1)
      throw new RangeError(`at least one piece is in flight, not ${this.#inFlight}`);
    if (!Number.isInteger(this.#pieceBytes) || this.#pieceBytes < 4)
      throw new RangeError(
        `a piece holds at least 4 bytes (one character), not ${this.#pieceBytes}`,
      );
    this.#buffer = Buffer.allocUnsafe(Math.min(this.#pieceBytes, FIRST_BUFFER_BYTES));
    this.file = { ...options.file, bytes: 0, chunks: 0, sha256: '' };
  }

  write(text: string): Promise<void> {
    return this.writeBytes(Buffer.from(text, 'utf8'));
  }

  async writeBytes(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    this.#hash.update(bytes);
    this.file.bytes += bytes.length;
    for (let at = 0; at < bytes.length;) {
      const take = Math.min(this.#pieceBytes - this.#length, bytes.length - at);
      if (this.#length + take > this.#buffer.length) this.#grow(this.#length + take);
      this.#buffer.set(bytes.subarray(at, at + take), this.#length);
      this.#length += take;
      at += take;
      if (this.#length === this.#pieceBytes) await this.#putFull();
    }
  }

  /** Stores the last piece (an empty file gets one empty piece) and completes {@link file}. */
  async close(): Promise<void> {
    await this.#settled();
    if (this.#length > 0 || this.file.chunks === 0)
      await this.#put(this.#buffer.subarray(0, this.#length));
    this.#length = 0;
    // The job keeps its sinks (for their files) while it adds the data blocks, its peak of memory.
    this.#buffer = EMPTY;
    this.#spare = [];
    this.file.sha256 = this.#hash.digest('hex');
  }

  /**
   * Waits for the piece in flight, if any, stored or not: then every piece
   * this file may have stored is counted in {@link file}'s `chunks`.
   */
  async drain(): Promise<void> {
    await Promise.all(this.#storing);
  }

  /** Makes the buffer hold `needed` bytes: doubling, up to a piece. */
  #grow(needed: number): void {
    const size = Math.min(this.#pieceBytes, Math.max(needed, this.#buffer.length * 2));
    const bigger = Buffer.allocUnsafe(size);
    this.#buffer.copy(bigger, 0, 0, this.#length);
    this.#buffer = bigger;
  }

  /**
   * Starts storing the full buffer up to its last whole character, once
   * the piece before is stored, and keeps the rest (3 bytes at most) in
   * the next buffer.
   */
  async #putFull(): Promise<void> {
    const full = this.#buffer;
    let end = this.#pieceBytes;
    // Back over continuation bytes (10xxxxxx) to the lead byte of the last character…
    let lead = end - 1;
    while (lead > end - 4 && (full[lead]! & 0xc0) === 0x80) lead--;
    // …and leave that character out unless all its bytes are here.
    const byte = full[lead]!;
    const size = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (lead + size > end) end = lead;
    // A piece more in flight than allowed waits for the oldest.
    if (this.#storing.length >= this.#inFlight) await this.#storing[0];
    this.#throwFailure();
    const next = this.#spare.pop() ?? Buffer.allocUnsafe(this.#pieceBytes);
    full.copy(next, 0, end, this.#pieceBytes);
    this.#buffer = next;
    this.#length = this.#pieceBytes - end;
    // Caught here, so a failure is never unhandled while generation goes on; thrown by #settled.
    const storing: Promise<void> = this.#put(full.subarray(0, end)).then(
      () => {
        // One buffer is kept for the next piece; more would only hold memory.
        if (this.#spare.length === 0) this.#spare.push(full);
      },
      (error: unknown) => {
        this.#failure ??= { error };
      },
    );
    this.#storing.push(storing);
    void storing.then(() => this.#storing.splice(this.#storing.indexOf(storing), 1));
  }

  /** Waits for every piece in flight and throws a failure. */
  async #settled(): Promise<void> {
    await Promise.all(this.#storing);
    this.#throwFailure();
  }

  #throwFailure(): void {
    if (this.#failure !== undefined) throw this.#failure.error;
  }

  /** Stores the next piece; counted first, so a delete after a failed put still finds it. */
  async #put(body: Buffer): Promise<void> {
    const name = chunkName(this.#workspace, this.#dataset, this.file, this.file.chunks);
    this.file.chunks += 1;
    // The store is done with the bytes when the put resolves: the buffer is reused after.
    await this.#store.putCatalogue({ ...name, body, actor: this.#actor }, this.#now());
  }
}

/** Deletes the stored pieces of files (every version, a retried attempt's too). */
export async function deleteChunks(
  store: CatalogueStore,
  options: {
    workspace: string;
    dataset: number;
    files: readonly DatasetFile[];
    actor: string;
    now: Date;
  },
): Promise<void> {
  for (const file of options.files) {
    // One more than counted: an attempt that died mid-write may have stored a piece it never counted.
    for (let chunk = 0; chunk <= file.chunks; chunk++) {
      await store.deleteCatalogue(
        {
          ...chunkName(options.workspace, options.dataset, file, chunk),
          actor: options.actor,
          force: true,
        },
        options.now,
      );
    }
  }
}

/**
 * The pieces of a stored file, in order, as bytes: a piece stored as text
 * (by a release that wrote text pieces) is encoded on the way.
 */
export async function* readChunks(
  store: CatalogueStore,
  options: { workspace: string; dataset: number; file: DatasetFile },
): AsyncGenerator<Buffer> {
  for (let chunk = 0; chunk < options.file.chunks; chunk++) {
    const record = await store.getCatalogueByName(
      chunkName(options.workspace, options.dataset, options.file, chunk),
    );
    if (record === undefined) throw new Error(`piece ${chunk} of ${options.file.name} is missing`);
    yield Buffer.isBuffer(record.body) ? record.body : Buffer.from(record.body as string, 'utf8');
  }
}
