import { createHash } from 'node:crypto';
import type { CatalogueStore, ChunkSink, SynthFormat } from '@allot/core';
import { DATASET_CHUNK_KIND, synthName, type DatasetFile } from './synth-records.js';

/** Bytes per stored piece of a file at most: small enough for one row or JSON value, large enough to be few. */
export const CHUNK_BYTES = 512 * 1024;

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

/**
 * Writes one generated file into the store piece by piece, as it is
 * produced, so any replica can serve it: the file's bytes go into one
 * buffer of {@link CHUNK_BYTES}, stored as a body of bytes each time it
 * fills (never as text: no decoding, no escaping). A piece ends before a
 * character its buffer could not hold whole, so every piece is UTF-8 by
 * itself. Each write resolves once its full pieces are stored.
 */
export class DatasetFileSink implements ChunkSink {
  readonly file: DatasetFile;
  readonly #store: CatalogueStore;
  readonly #workspace: string;
  readonly #dataset: number;
  readonly #actor: string;
  readonly #now: () => Date;
  readonly #hash = createHash('sha256');
  readonly #buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  #length = 0;

  constructor(options: {
    store: CatalogueStore;
    workspace: string;
    dataset: number;
    actor: string;
    now: () => Date;
    file: { format: SynthFormat; index: number; entity: string; name: string; records: number };
  }) {
    this.#store = options.store;
    this.#workspace = options.workspace;
    this.#dataset = options.dataset;
    this.#actor = options.actor;
    this.#now = options.now;
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
      const take = Math.min(CHUNK_BYTES - this.#length, bytes.length - at);
      this.#buffer.set(bytes.subarray(at, at + take), this.#length);
      this.#length += take;
      at += take;
      if (this.#length === CHUNK_BYTES) await this.#putFull();
    }
  }

  /** Stores the last piece (an empty file gets one empty piece) and completes {@link file}. */
  async close(): Promise<void> {
    if (this.#length > 0 || this.file.chunks === 0) await this.#put(this.#length);
    this.#length = 0;
    this.file.sha256 = this.#hash.digest('hex');
  }

  /** Stores the full buffer up to its last whole character, and keeps the rest (3 bytes at most). */
  async #putFull(): Promise<void> {
    let end = CHUNK_BYTES;
    // Back over continuation bytes (10xxxxxx) to the lead byte of the last character…
    let lead = end - 1;
    while (lead > end - 4 && (this.#buffer[lead]! & 0xc0) === 0x80) lead--;
    // …and leave that character out unless all its bytes are here.
    const byte = this.#buffer[lead]!;
    const size = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (lead + size > end) end = lead;
    await this.#put(end);
    this.#buffer.copy(this.#buffer, 0, end, CHUNK_BYTES);
    this.#length = CHUNK_BYTES - end;
  }

  async #put(length: number): Promise<void> {
    const name = chunkName(this.#workspace, this.#dataset, this.file, this.file.chunks);
    // The store is done with the bytes when the put resolves: the buffer is reused after.
    await this.#store.putCatalogue(
      { ...name, body: this.#buffer.subarray(0, length), actor: this.#actor },
      this.#now(),
    );
    this.file.chunks += 1;
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
