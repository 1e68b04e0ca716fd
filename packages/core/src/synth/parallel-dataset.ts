import { Worker } from 'node:worker_threads';
import { AllotError } from '../errors.js';
import { tableFromTransfer } from '../data-block/table-transfer.js';
import type { NewBlockVersion } from '../model/block-version.js';
import type { BlockVersionTarget } from './block-version-builder.js';
import type { FromWorker, ToWorker, WorkerTask } from './parallel-dataset-messages.js';
import {
  writeDataset,
  type ChunkSink,
  type DatasetSummary,
  type WriteDatasetOptions,
} from './write-dataset.js';

/** Options of {@link writeDatasetInParallel}. */
export interface ParallelDatasetOptions extends WriteDatasetOptions {
  /** Data block versions to build from the same records, one per entity named. */
  blocks?: readonly (BlockVersionTarget & { entity: string })[];
}

/** What {@link writeDatasetInParallel} wrote and built. */
export interface ParallelDatasetResult {
  summary: DatasetSummary;
  /** The block versions asked for, by entity, in the order asked. */
  blocks: Map<string, NewBlockVersion>;
}

/**
 * {@link writeDataset} on two threads: the main thread generates and
 * checks every record and writes half of the formats (the first, third …);
 * a worker thread generates the very same records (generation is seeded)
 * and writes the other formats and builds the block versions, posting the
 * files' bytes back, where they go to their sinks here in order, and the
 * built tables (their memory moved, not copied). The files are the ones
 * {@link writeDataset} writes, byte for byte, and so are the versions.
 *
 * Each file gets a sink of its own: a `sink` returning one sink for two
 * files is refused. A throw from `batches` (a cancellation), a sink's
 * failure or the worker's stops both threads; the worker is ended before
 * the error is thrown, with no write of its files still running.
 *
 * @throws AllotError as {@link writeDataset}, or `INVALID_INPUT` for a shared sink
 */
export async function writeDatasetInParallel(
  options: ParallelDatasetOptions,
): Promise<ParallelDatasetResult> {
  const targets = options.blocks ?? [];
  const mainFormats = options.formats.filter((_, index) => index % 2 === 0);
  const task: WorkerTask = {
    entities: options.entities,
    seed: options.seed,
    locale: options.locale,
    batchSize: options.batchSize,
    recordsPerFile: options.recordsPerFile ?? null,
    formats: options.formats.filter((_, index) => index % 2 === 1),
    blocks: [...targets],
  };
  const sinks = new Set<ChunkSink>();
  const ownSink: WriteDatasetOptions['sink'] = (entity, format, part) => {
    const sink = options.sink(entity, format, part);
    if (sinks.has(sink))
      throw new AllotError(
        'INVALID_INPUT',
        'each file of a dataset written in parallel needs a sink of its own',
        {
          field: 'sink',
        },
      );
    sinks.add(sink);
    return sink;
  };
  // A single format and no block: a second thread would only make the records again.
  if (task.formats.length === 0 && task.blocks.length === 0) {
    return { summary: await writeDataset({ ...options, sink: ownSink }), blocks: new Map() };
  }
  const worker = new Worker(workerUrl(), { workerData: task });
  const side = new WorkerSide(worker, ownSink);
  try {
    const summary = await writeDataset({
      ...options,
      formats: mainFormats,
      sink: ownSink,
      batches: {
        write: async (batch) => {
          side.check();
          await options.batches?.write(batch);
          // Let the worker's messages in: its files are stored as it posts them.
          await new Promise((resolve) => setImmediate(resolve));
          side.check();
        },
      },
    });
    await side.done;
    const blocks = new Map<string, NewBlockVersion>();
    for (const target of targets) {
      const version = side.blocks.get(target.entity);
      if (version === undefined) throw new Error(`the worker built no block for ${target.entity}`);
      blocks.set(target.entity, version);
    }
    return { summary, blocks };
  } catch (error) {
    const failure = side.failure ?? error;
    await side.stop();
    throw failure;
  } finally {
    await worker.terminate();
  }
}

/**
 * The built worker script beside this module; run from the sources (the
 * package's own tests), the built one, which `pnpm test` builds first.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts'))
    return new URL(here.replace(/\/src\/synth\/[^/]+\.ts$/, '/dist/synth/dataset-worker.js'));
  return new URL('./dataset-worker.js', here);
}

/** The main thread's end of the worker: its files' sinks, its blocks, how it ended. */
class WorkerSide {
  readonly blocks = new Map<string, NewBlockVersion>();
  /** Settles once the worker posted its last message and every write of its files is done. */
  readonly done: Promise<void>;
  failure: unknown;
  /** The worker posted its last message, or is being stopped: its exit is no failure. */
  #ended = false;
  readonly #worker: Worker;
  readonly #open: WriteDatasetOptions['sink'];
  /** Each file's sink and the chain of its writes, in the order posted. */
  readonly #files = new Map<string, { sink: ChunkSink; writes: Promise<void> }>();

  constructor(worker: Worker, open: WriteDatasetOptions['sink']) {
    this.#worker = worker;
    this.#open = open;
    this.done = new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        this.failure ??= error;
        reject(this.failure);
      };
      worker.on('message', (message: FromWorker) => {
        try {
          if (message.type === 'done') {
            this.#ended = true;
            void Promise.all([...this.#files.values()].map((f) => f.writes)).then(
              () => resolve(),
              fail,
            );
            return;
          }
          if (message.type === 'error') return fail(workerError(message.error));
          this.#take(message, fail);
        } catch (error) {
          fail(error);
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!this.#ended)
          fail(new Error(`the dataset worker stopped before it was done (exit code ${code})`));
      });
    });
    // A failure is thrown by check() or the await of done, whichever comes first.
    this.done.catch(() => undefined);
  }

  /** Throws the worker's failure, if it failed. */
  check(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  /** Ends the worker and waits for every write of its files still running. */
  async stop(): Promise<void> {
    this.#ended = true;
    await this.#worker.terminate();
    await Promise.allSettled([...this.#files.values()].map((f) => f.writes));
  }

  #take(message: Exclude<FromWorker, { type: 'done' | 'error' }>, fail: (error: unknown) => void) {
    if (message.type === 'block') {
      const { table, ...fields } = message.version;
      this.blocks.set(message.entity, { ...fields, table: tableFromTransfer(table) });
      return;
    }
    const key = `${message.entity}\u0000${message.format}\u0000${message.part}`;
    if (message.type === 'open') {
      this.#files.set(key, {
        sink: this.#open(message.entity, message.format, message.part),
        writes: Promise.resolve(),
      });
      return;
    }
    const file = this.#files.get(key);
    if (file === undefined) throw new Error(`the dataset worker wrote to ${key} before opening it`);
    const { sink } = file;
    if (message.type === 'chunk') {
      const bytes = Buffer.from(
        message.bytes.buffer,
        message.bytes.byteOffset,
        message.bytes.length,
      );
      file.writes = file.writes
        .then(() => (sink.writeBytes ? sink.writeBytes(bytes) : sink.write(bytes.toString('utf8'))))
        // The sink is done with the bytes: their buffer goes back to be filled again.
        .then(() =>
          this.#worker.postMessage(
            {
              stored: bytes.length,
              buffer: message.bytes.buffer as ArrayBuffer,
            } satisfies ToWorker,
            [message.bytes.buffer as ArrayBuffer],
          ),
        );
    } else {
      file.writes = file.writes.then(() => sink.close?.());
    }
    file.writes.catch(fail);
  }
}

function workerError(error: Extract<FromWorker, { type: 'error' }>['error']): Error {
  if (error.code !== undefined)
    return new AllotError(error.code, error.message, error.details ?? {});
  // The worker's own message, as one thread would give it; where it came from stays in the stack.
  const failure = new Error(error.message);
  if (error.stack !== undefined)
    failure.stack = `${failure.stack}\n  in the dataset worker: ${error.stack}`;
  return failure;
}
