import { readFile } from 'node:fs/promises';
import { AllotError } from '../errors.js';
import type { TestRef } from '../model/job-record.js';
import type { PoolDefinition } from '../model/pool-definition.js';
import { loadPoolSource } from '../pool/load-pool-file.js';
import type { BlockStore, PoolStore } from '../store/store.js';
import { checkPoolFileColumns } from './check-pool-file-columns.js';
import { importBlock, type ImportBlockResult } from './import-block.js';

export interface SyncedPools {
  pools: PoolDefinition[];
  /** Block files imported because they changed (or were new). */
  imported: ImportBlockResult[];
  /** Every test of every pool, in file order: the bundle a `run` executes. */
  tests: TestRef[];
}

/**
 * Makes a store match pool files from a repository: validates every file
 * (no pool is saved when one is invalid), imports the block files that
 * changed, checks every column the pools name against their blocks, and
 * saves the pools.
 */
export async function syncPoolFiles(
  store: PoolStore & BlockStore,
  workspace: string,
  files: readonly string[],
): Promise<SyncedPools> {
  const sources = await Promise.all(files.map((file) => loadPoolSource(file)));
  const pools = sources.map((source) => source.pool);
  const names = new Map<string, string>();
  pools.forEach((pool, index) => {
    const other = names.get(pool.name);
    if (other !== undefined) {
      throw new AllotError(
        'INVALID_POOL',
        `pool "${pool.name}" is defined twice: in ${other} and in ${files[index]}`,
      );
    }
    names.set(pool.name, files[index] as string);
  });
  const imported: ImportBlockResult[] = [];
  for (const pool of pools) {
    for (const block of pool.blocks) {
      if (block.file === undefined) continue;
      const text = await readFile(block.file, 'utf8').catch((error: unknown) => {
        throw new AllotError(
          'NOT_FOUND',
          `pool "${pool.name}": cannot read the file of block "${block.name}": ${block.file}`,
          {},
          { cause: error },
        );
      });
      const result = await importBlock(store, {
        workspace,
        block: block.name,
        text,
        source: block.file,
        keyColumn: pool.key,
        skipUnchanged: true,
      });
      if (result.imported) imported.push(result);
    }
  }
  for (const [index, source] of sources.entries()) {
    await checkPoolFileColumns(store, workspace, source, files[index] as string);
  }
  for (const pool of pools) await store.putPool(workspace, pool);
  const tests = pools.flatMap((pool) =>
    pool.tests.map((t) => ({ pool: pool.name, suite: t.suite, test: t.test })),
  );
  return { pools, imported, tests };
}
