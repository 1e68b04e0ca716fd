import type { ErrorCode } from '../errors.js';
import type { TableTransfer } from '../data-block/table-transfer.js';
import type { NewBlockVersionFields } from '../model/block-version.js';
import type { BlockVersionTarget } from './block-version-builder.js';
import type { EntitySpec } from './generate-entities.js';
import type { SynthFormat } from './write-dataset.js';

/** What the dataset worker is started with. */
export interface WorkerTask {
  entities: EntitySpec[];
  seed: string | number;
  locale: string | undefined;
  batchSize: number | undefined;
  recordsPerFile: number | null;
  /** The formats it writes. */
  formats: SynthFormat[];
  /** The block versions it builds, one per entity named. */
  blocks: (BlockVersionTarget & { entity: string })[];
}

/** A file of the worker's, by entity, format and part. */
interface FileRef {
  entity: string;
  format: SynthFormat;
  part: number;
}

/** What the worker posts, in order. */
export type FromWorker =
  | ({ type: 'open' } & FileRef)
  | ({ type: 'chunk'; bytes: Uint8Array } & FileRef)
  | ({ type: 'close' } & FileRef)
  | {
      type: 'block';
      entity: string;
      version: NewBlockVersionFields & { table: TableTransfer };
    }
  | { type: 'done' }
  | {
      type: 'error';
      error: {
        code?: ErrorCode;
        message: string;
        details?: Record<string, unknown>;
        stack?: string;
      };
    };

/** What the main thread posts: bytes of the worker's files it has stored, and their buffer back. */
export interface ToWorker {
  stored: number;
  buffer: ArrayBuffer;
}
