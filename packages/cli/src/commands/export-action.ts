import { AllotError, DEFAULT_WORKSPACE, type X12834Options } from '@allot/core';
import { exportBlockVersion } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import type { OutputStream } from '../io.js';
import { withStore } from '../with-store.js';
import type { ExportOptions } from './export.js';

/**
 * `allot export`: writes a data block version to stdout in any of the
 * export formats, through the same writers as the server's downloads, chunk
 * by chunk (text cells formula-safe; SQLite as the bytes of a database file).
 */
export async function exportAction(
  cli: CliContext,
  name: string,
  options: ExportOptions,
): Promise<void> {
  const x12834 = x12834Of(options);
  await withStore(cli.store(), async (store) => {
    const download = await exportBlockVersion(store, DEFAULT_WORKSPACE, {
      block: name,
      ...(options.version === undefined ? {} : { version: options.version }),
      format: options.format,
      ...(x12834 === undefined ? {} : { x12834 }),
    }).catch((error: unknown) => {
      if (!(error instanceof AllotError) || error.code !== 'NOT_FOUND') throw error;
      const which =
        options.version === undefined
          ? `data block "${name}"`
          : `version ${options.version} of data block "${name}"`;
      throw new AllotError('NOT_FOUND', `${which} does not exist`, { block: name });
    });
    for await (const chunk of download.chunks) await write(cli.io.stdout, chunk);
  });
}

function x12834Of(options: ExportOptions): X12834Options | undefined {
  if (options.template === undefined && options.record === undefined) return undefined;
  const record = options.record === undefined ? undefined : Number(options.record);
  if (record !== undefined && (!Number.isInteger(record) || record < -1))
    throw new AllotError(
      'INVALID_INPUT',
      `--record: "${options.record}" is not -1 or a row number`,
      {
        field: 'record',
      },
    );
  return {
    ...(options.template === undefined ? {} : { template: options.template }),
    ...(record === undefined ? {} : { record }),
  };
}

/** Writes a chunk, waiting for `drain` when the stream asks, so memory stays bounded. */
async function write(stream: OutputStream, chunk: string | Uint8Array): Promise<void> {
  if (stream.write(chunk) !== false || stream.once === undefined) return;
  await new Promise<void>((resolve) => stream.once?.('drain', resolve));
}
