import {
  AllotError,
  DEFAULT_WORKSPACE,
  writeTable,
  type BlockVersion,
  type RowObject,
} from '@allot/core';
import { exportBlock } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import { withStore } from '../with-store.js';
import type { ExportOptions } from './export.js';

/** `allot export`: writes a data block version to stdout as CSV, JSON, TSV or pipe-separated text, formula cells neutralised. */
export async function exportAction(
  cli: CliContext,
  name: string,
  options: ExportOptions,
): Promise<void> {
  const block = await withStore(cli.store(), (store) =>
    exportBlock(store, DEFAULT_WORKSPACE, name, options.version),
  );
  if (block === undefined) {
    const which =
      options.version === undefined
        ? `data block "${name}"`
        : `version ${options.version} of data block "${name}"`;
    throw new AllotError('NOT_FOUND', `${which} does not exist`, { block: name });
  }
  cli.io.stdout.write(
    options.format === 'json'
      ? toJson(block)
      : writeTable(options.format, block.columns, block.rows),
  );
}

function toJson(block: BlockVersion): string {
  const objects = block.rows.map((row) => {
    const object: RowObject = {};
    block.columns.forEach((column, index) => (object[column] = row[index] ?? null));
    return object;
  });
  return JSON.stringify(objects, null, 2) + '\n';
}
