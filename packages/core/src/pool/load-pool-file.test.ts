import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllotError, PoolValidationError } from '../errors.js';
import { loadPoolFile } from './load-pool-file.js';

describe('loadPoolFile', () => {
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-pool-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and validates a pool file', async () => {
    const file = join(dir, 'shop.yml');
    await writeFile(
      file,
      'pool: shop\nkey: id\nblocks: [{ name: c, file: c.csv }]\ntests: [{ suite: s, test: t, find: {} }]\n',
    );
    const pool = await loadPoolFile(file);
    expect(pool.name).toBe('shop');
    expect(pool.blocks).toEqual([{ name: 'c', file: join(dir, 'c.csv') }]);
  });

  it('fails with NOT_FOUND naming a missing file', async () => {
    const file = join(dir, 'missing.yaml');
    const error: unknown = await loadPoolFile(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AllotError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', details: { file } });
    expect((error as Error).message).toContain(file);
  });

  it('fails with INVALID_INPUT when the path is a folder', async () => {
    const error: unknown = await loadPoolFile(dir).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('reports invalid pools with the file name', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'pool: shop\n');
    const error: unknown = await loadPoolFile(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PoolValidationError);
    expect((error as PoolValidationError).file).toBe(file);
  });
});
