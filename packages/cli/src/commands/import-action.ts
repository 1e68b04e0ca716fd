import { readFile } from 'node:fs/promises';
import { AllotError, DEFAULT_WORKSPACE } from '@allot/core';
import { importBlockVersion } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import { formatCount } from '../format-table.js';
import { withStore } from '../with-store.js';
import type { ImportOptions } from './import.js';

/** `allot import`: adds a CSV or JSON file as a new version of a data block. */
export async function importAction(
  cli: CliContext,
  file: string,
  options: ImportOptions,
): Promise<void> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new AllotError('NOT_FOUND', `cannot read ${file}: ${(error as Error).message}`, {
      file,
    });
  });
  const { meta } = await withStore(cli.store(), (store) =>
    importBlockVersion(store, {
      workspace: DEFAULT_WORKSPACE,
      block: options.block,
      text,
      source: file,
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(options.key === undefined ? {} : { keyColumn: options.key }),
    }),
  );
  cli.io.stdout.write(
    `${meta.block}@${meta.version}: ${formatCount(meta.rowCount)} rows, columns: ${meta.columns.join(', ')}\n`,
  );
}
