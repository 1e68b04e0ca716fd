/**
 * The second thread of {@link writeDatasetInParallel}: generates the same
 * records as the main thread (generation is seeded), writes the formats it
 * was given and builds the data block versions, and posts the files'
 * bytes and the built tables back. Loaded only as a worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AllotError } from '../errors.js';
import { tableToTransfer } from '../data-block/table-transfer.js';
import { BlockVersionBuilder } from './block-version-builder.js';
import { writeDataset, type ChunkSink } from './write-dataset.js';
import type { FromWorker, ToWorker, WorkerTask } from './parallel-dataset-messages.js';

/** Bytes gathered before a post: a post per few records would cost more than the copy. */
const POST_BYTES = 1024 * 1024;
/** Bytes posted and not yet stored by the main thread before the writers wait for it. */
const IN_FLIGHT_BYTES = 16 * 1024 * 1024;

const port = parentPort;
if (port === null) throw new Error('the dataset worker runs only as a worker thread');
const task = workerData as WorkerTask;

let inFlight = 0;
let waiting: (() => void) | undefined;
/** Post buffers the main thread is done with, handed back to be filled again. */
const returned: Buffer[] = [];
port.on('message', (message: ToWorker) => {
  inFlight -= message.stored;
  returned.push(Buffer.from(message.buffer));
  if (inFlight <= IN_FLIGHT_BYTES / 2) waiting?.();
});
const postBuffer = () => returned.pop() ?? Buffer.allocUnsafeSlow(POST_BYTES);

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

/**
 * One file's bytes, posted in runs of {@link POST_BYTES}. A post buffer is
 * taken when bytes come and let go with the last post, so a file not
 * being written (one not begun, one closed) holds none.
 */
class PostingSink implements ChunkSink {
  readonly #file: { entity: string; format: WorkerTask['formats'][number]; part: number };
  #buffer: Buffer | undefined;
  #length = 0;

  constructor(file: PostingSink['file']) {
    this.#file = file;
    post({ type: 'open', ...file });
  }

  get file() {
    return this.#file;
  }

  write(chunk: string): Promise<void> | void {
    return this.writeBytes(Buffer.from(chunk, 'utf8'));
  }

  writeBytes(bytes: Uint8Array): Promise<void> | void {
    for (let at = 0; at < bytes.length;) {
      this.#buffer ??= postBuffer();
      const taken = Math.min(bytes.length - at, POST_BYTES - this.#length);
      this.#buffer.set(bytes.subarray(at, at + taken), this.#length);
      this.#length += taken;
      at += taken;
      if (this.#length === POST_BYTES) this.#flush();
    }
    if (inFlight <= IN_FLIGHT_BYTES) return;
    return new Promise<void>((resolve) => (waiting = resolve)).then(() => (waiting = undefined));
  }

  close(): void {
    this.#flush();
    post({ type: 'close', ...this.#file });
  }

  /** Posts the bytes so far; the buffer goes with them (moved), and the next write takes another. */
  #flush(): void {
    if (this.#buffer === undefined || this.#length === 0) return;
    const bytes = this.#buffer.subarray(0, this.#length);
    inFlight += bytes.length;
    post({ type: 'chunk', ...this.#file, bytes }, [bytes.buffer as ArrayBuffer]);
    this.#buffer = undefined;
    this.#length = 0;
  }
}

async function run(): Promise<void> {
  const builders = new Map(
    task.blocks.map((target) => [target.entity, new BlockVersionBuilder(target)]),
  );
  await writeDataset({
    entities: task.entities,
    formats: task.formats,
    seed: task.seed,
    ...(task.locale === undefined ? {} : { locale: task.locale }),
    ...(task.batchSize === undefined ? {} : { batchSize: task.batchSize }),
    recordsPerFile: task.recordsPerFile,
    // The main thread checks every record; this one makes the very same.
    validate: false,
    sink: (entity, format, part) => new PostingSink({ entity, format, part }),
    batches: { write: (batch) => builders.get(batch.entity)?.add(batch.records) },
  });
  for (const target of task.blocks) {
    const { table, ...version } = builders.get(target.entity)!.build();
    // Its memory moves to the main thread: let go of it here first.
    builders.delete(target.entity);
    const { message, transfer } = tableToTransfer(table!);
    post(
      { type: 'block', entity: target.entity, version: { ...version, table: message } },
      transfer,
    );
  }
  post({ type: 'done' });
}

run().catch((error: unknown) => {
  post({
    type: 'error',
    error:
      error instanceof AllotError
        ? { code: error.code, message: error.message, details: error.details }
        : error instanceof Error
          ? { message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) }
          : { message: String(error) },
  });
});
