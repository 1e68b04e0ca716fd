import { checkKeyColumn } from '../data-block/check-key-column.js';
import { hashSource, parseDataFile } from '../data-block/parse-data-file.js';
import { AllotError } from '../errors.js';
import type { BlockVersionMeta } from '../model/block-version.js';
import type { BlockStore } from '../store/store.js';

export interface ImportBlockOptions {
  workspace: string;
  block: string;
  /** The file's text. */
  text: string;
  /** The file name, for messages and for the format when none is given. */
  source: string;
  format?: 'csv' | 'json';
  /** A column whose values must identify rows: checked non-empty and unique. */
  keyColumn?: string;
  /** Skip the import when the latest version came from the same content. */
  skipUnchanged?: boolean;
}

export interface ImportBlockResult {
  meta: BlockVersionMeta;
  /** False when the content was unchanged and nothing was written. */
  imported: boolean;
}

const BLOCK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Imports a CSV or JSON file as a new immutable version of a data block.
 * Bad input is an error and changes nothing.
 */
export async function importBlock(
  store: BlockStore,
  options: ImportBlockOptions,
): Promise<ImportBlockResult> {
  if (!BLOCK_NAME.test(options.block)) {
    throw new AllotError(
      'INVALID_INPUT',
      `"${options.block}" is not a valid block name: use letters, digits, ".", "_" and "-", starting with a letter or digit`,
      { field: 'block' },
    );
  }
  const sourceHash = hashSource(options.text);
  if (options.skipUnchanged) {
    const versions = await store.listBlockVersions(options.workspace, options.block);
    // Makes append versions after an import: the file is unchanged when it matches the last import.
    const lastImport = versions.filter((v) => v.origin === 'import').at(-1);
    const sameKey =
      (lastImport?.keyColumn ?? null) === (options.keyColumn ?? lastImport?.keyColumn ?? null);
    const latest = versions.at(-1);
    if (lastImport?.sourceHash === sourceHash && sameKey && latest !== undefined)
      return { meta: latest, imported: false };
  }
  const table = parseDataFile(options.text, options.source, options.format);
  if (options.keyColumn !== undefined) checkKeyColumn(table, options.keyColumn, options.source);
  const meta = await store.addBlockVersion(options.workspace, {
    block: options.block,
    columns: table.columns,
    keyColumn: options.keyColumn ?? null,
    rows: table.rows,
    origin: 'import',
    sourceHash,
  });
  return { meta, imported: true };
}
