import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PoolValidationError } from '../errors.js';
import { openMemoryStore } from '../store/open-store.js';
import { syncPoolFiles } from './sync-pool-files.js';

describe('syncPoolFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-sync-'));
    await writeFile(
      join(dir, 'people.csv'),
      'id,status,city\np1,active,"Paris, FR"\np2,locked,Berlin\n',
    );
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const pool = (where: string, extra = '') =>
    `pool: people\nkey: id\nblocks:\n  - name: people\n    file: people.csv\ntests:\n  - suite: s\n    test: t\n    find:\n      where: ${where}\n${extra}`;

  it('imports the block file once, saves the pool and lists its tests', async () => {
    await writeFile(join(dir, 'pool.yaml'), pool('{ status: active }'));
    const store = await openMemoryStore();
    const first = await syncPoolFiles(store, 'w', [join(dir, 'pool.yaml')]);
    expect(first.imported.map((i) => i.meta.version)).toEqual(['1.0']);
    expect(first.tests).toEqual([{ pool: 'people', suite: 's', test: 't' }]);
    expect(await store.getPool('w', 'people')).toMatchObject({ key: 'id' });
    const second = await syncPoolFiles(store, 'w', [join(dir, 'pool.yaml')]);
    expect(second.imported).toEqual([]);
  });

  it('names the file and path of an unknown column, and saves no pool', async () => {
    await writeFile(join(dir, 'pool.yaml'), pool('{ colour: red }', '    columns: [id, town]\n'));
    const store = await openMemoryStore();
    const error = await syncPoolFiles(store, 'w', [join(dir, 'pool.yaml')]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PoolValidationError);
    const message = (error as Error).message;
    expect(message).toContain(join(dir, 'pool.yaml'));
    expect(message).toContain(
      'tests[0].find.where.colour: unknown column "colour"; the block has columns: id, status, city',
    );
    expect(message).toContain('tests[0].columns[1]: unknown column "town"');
    expect(await store.getPool('w', 'people')).toBeUndefined();
  });

  it('refuses the same pool name in two files', async () => {
    await writeFile(join(dir, 'a.yaml'), pool('{}'));
    await writeFile(join(dir, 'b.yaml'), pool('{}'));
    const store = await openMemoryStore();
    await expect(
      syncPoolFiles(store, 'w', [join(dir, 'a.yaml'), join(dir, 'b.yaml')]),
    ).rejects.toThrow(/defined twice/);
  });
});
