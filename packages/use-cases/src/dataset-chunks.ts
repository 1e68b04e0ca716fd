import { createHash } from 'node:crypto';
import type { CatalogueStore, SynthFormat } from '@allot/core';
import { DATASET_CHUNK_KIND, synthName, type DatasetFile } from './synth-records.js';

/** Characters per stored piece of a file: small enough for one row or JSON value, large enough to be few. */
export const CHUNK_CHARS = 512 * 1024;

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
 * produced, so any replica can serve it and no piece is larger than
 * {@link CHUNK_CHARS}; each `write` resolves once its full pieces are stored.
 */
export class DatasetFileSink {
  readonly file: DatasetFile;
  readonly #store: CatalogueStore;
  readonly #workspace: string;
  readonly #dataset: number;
  readonly #actor: string;
  readonly #now: () => Date;
  readonly #hash = createHash('sha256');
  #buffer = '';

  constructor(options: {
    store: CatalogueStore;
    workspace: string;
    dataset: number;
    actor: string;
    now: () => Date;
    file: { format: SynthFormat; index: number; entity: string; name: string };
  }) {
    this.#store = options.store;
    this.#workspace = options.workspace;
    this.#dataset = options.dataset;
    this.#actor = options.actor;
    this.#now = options.now;
    this.file = { ...options.file, records: 0, bytes: 0, chunks: 0, sha256: '' };
  }

  async write(text: string): Promise<void> {
    if (text === '') return;
    this.#hash.update(text, 'utf8');
    this.file.bytes += Buffer.byteLength(text, 'utf8');
    this.#buffer += text;
    while (this.#buffer.length >= CHUNK_CHARS) {
      await this.#put(this.#buffer.slice(0, CHUNK_CHARS));
      this.#buffer = this.#buffer.slice(CHUNK_CHARS);
    }
  }

  async close(): Promise<DatasetFile> {
    if (this.#buffer !== '' || this.file.chunks === 0) await this.#put(this.#buffer);
    this.#buffer = '';
    this.file.sha256 = this.#hash.digest('hex');
    return this.file;
  }

  async #put(text: string): Promise<void> {
    const name = chunkName(this.#workspace, this.#dataset, this.file, this.file.chunks);
    await this.#store.putCatalogue({ ...name, body: text, actor: this.#actor }, this.#now());
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

/** The pieces of a stored file, in order. */
export async function* readChunks(
  store: CatalogueStore,
  options: { workspace: string; dataset: number; file: DatasetFile },
): AsyncGenerator<string> {
  for (let chunk = 0; chunk < options.file.chunks; chunk++) {
    const record = await store.getCatalogueByName(
      chunkName(options.workspace, options.dataset, options.file, chunk),
    );
    if (record === undefined) throw new Error(`piece ${chunk} of ${options.file.name} is missing`);
    yield record.body as string;
  }
}
