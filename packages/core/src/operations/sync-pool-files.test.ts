import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PoolValidationError } from '../errors.js';
import { openMemoryStore } from '../store/open-memory-store.js';
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

  it('gives every unknown column the line it is on, in a YAML file', async () => {
    const file = join(dir, 'pool.yaml');
    await writeFile(
      file,
      [
        'pool: people', // line 1
        'key: id',
        'blocks: [{ name: people, file: people.csv }]',
        'tests:',
        '  - { suite: s, test: a, find: { where: { status: active } } }', // line 5
        '  - { suite: s, test: b, find: { where: { or: [{ status: locked }, { twon: x }] } } }', // line 6
        '  - suite: s', // line 7
        '    test: c',
        '    find:',
        '      where:',
        '        stauts: active', // line 11
        '        city: Paris', // line 12
        '      order: ctiy desc', // line 13
        '    columns: [id, city,', // line 14
        '      emial]', // line 15
        '    make:',
        '      columns:',
        '        id: { sequence: { start: 9 } }',
        '        "first name": x', // line 19
      ].join('\n'),
    );
    const error = await syncPoolFiles(await openMemoryStore(), 'w', [file]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PoolValidationError);
    const issues = (error as PoolValidationError).issues.map(({ path, line }) => ({ path, line }));
    expect(issues).toEqual([
      { path: 'tests[1].find.where.or[1].twon', line: 6 },
      { path: 'tests[2].find.where.stauts', line: 11 },
      { path: 'tests[2].find.order[0].column', line: 13 },
      { path: 'tests[2].columns[2]', line: 15 },
      { path: 'tests[2].make.columns["first name"]', line: 19 },
    ]);
    expect((error as Error).message).toContain(
      `${file}:11: tests[2].find.where.stauts: unknown column "stauts"; the block has columns: id, status, city`,
    );
  });

  it('gives every unknown column the line it is on, in a JSON file', async () => {
    const file = join(dir, 'pool.json');
    const test = (name: string, where: string) =>
      `    { "suite": "s", "test": "${name}", "find": { "where": ${where} } }`;
    await writeFile(
      file,
      [
        '{',
        '  "pool": "people",',
        '  "key": "id",',
        '  "blocks": [{ "name": "people", "file": "people.csv" }],',
        '  "tests": [',
        `${test('a', '{ "status": "active" }')},`,
        `${test('b', '{ "and": [{ "stauts": "locked" }] }')},`, // line 7
        '    {',
        '      "suite": "s",',
        '      "test": "c",',
        '      "find": { "where": {} },',
        '      "columns": ["id", "twon"]', // line 12
        '    }',
        '  ]',
        '}',
      ].join('\n'),
    );
    const error = await syncPoolFiles(await openMemoryStore(), 'w', [file]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PoolValidationError);
    expect((error as PoolValidationError).issues).toEqual([
      {
        path: 'tests[1].find.where.and[0].stauts',
        message: 'unknown column "stauts"; the block has columns: id, status, city',
        line: 7,
      },
      {
        path: 'tests[2].columns[1]',
        message: 'unknown column "twon"; the block has columns: id, status, city',
        line: 12,
      },
    ]);
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
