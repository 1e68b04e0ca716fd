import {
  EXPORT_FORMATS,
  writeExport,
  type BlockStore,
  type BlockVersionMeta,
  type ExportChunk,
  type ExportFormat,
  type X12834Options,
} from '@allot/core';
import { readBlock } from './read-block.js';

/** What to export: a block version, a format and the format's choices. */
export interface ExportRequest {
  block: string;
  /** The latest version when undefined. */
  version?: string;
  format: ExportFormat;
  /** For `x12-834`. */
  x12834?: X12834Options;
}

/** A block version ready to be written: its labels and its chunks, in order. */
export interface BlockExport {
  /** The version exported, rows left out. */
  meta: BlockVersionMeta;
  format: ExportFormat;
  contentType: string;
  /** `<block>-<version>.<extension>`, the block name reduced to characters safe in any file system. */
  fileName: string;
  /** Read once; a surface writes each chunk to its sink as it comes. */
  chunks: AsyncIterable<ExportChunk>;
}

/**
 * A data block version in a format: `NOT_FOUND` for a missing block or
 * version, `INVALID_INPUT` for a bad choice. The first chunk is written
 * before this returns, so an error the writer raises before any output (an
 * 834 record past the last row) is an error of this call, not a download
 * cut short.
 */
export async function exportBlockVersion(
  store: BlockStore,
  workspace: string,
  request: ExportRequest,
): Promise<BlockExport> {
  const { rows, ...meta } = await readBlock(store, workspace, request.block, request.version);
  const info = EXPORT_FORMATS[request.format];
  const chunks = writeExport(
    request.format,
    { block: meta.block, version: meta.version, columns: meta.columns, rows },
    request.x12834 === undefined ? {} : { x12834: request.x12834 },
  );
  return {
    meta,
    format: request.format,
    contentType: info.contentType,
    fileName: `${meta.block.replace(/[^A-Za-z0-9._-]/g, '_')}-${meta.version}.${info.extension}`,
    chunks: await started(chunks),
  };
}

/** The same chunks, the first already written. */
async function started(chunks: AsyncIterable<ExportChunk>): Promise<AsyncIterable<ExportChunk>> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        if (first.done === true) return;
        yield first.value;
        for (;;) {
          const next = await iterator.next();
          if (next.done === true) return;
          yield next.value;
        }
      } finally {
        // A reader that stops early (a client gone) ends the writer too.
        await iterator.return?.();
      }
    },
  };
}
