import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetRecord, ProjectRecord } from '@allot/core';
import { openLowdbStore } from './open-lowdb-store.js';
import { STORE_FILE } from './lowdb-persistence.js';

const AT = '2030-01-01T00:00:00.000Z';
const PAGE = { limit: 10, offset: 0 };

function project(id: number): ProjectRecord {
  return {
    id,
    workspace: 'a',
    name: `p${id}`,
    version: '1.0',
    description: '',
    tags: [],
    members: [],
    createdBy: 'ann',
    createdAt: AT,
    updatedAt: AT,
  };
}

function dataset(id: number, projectId: number, name: string): DatasetRecord {
  return {
    id,
    workspace: 'a',
    project: projectId,
    name,
    isDefault: name === 'Default',
    values: {},
  };
}

/**
 * A document of projects created before a project's create wrote its
 * Default dataset: project 1 has its Default (written on first use, as
 * then), project 2 never had one.
 */
const snapshot = {
  schemaVersion: 4,
  tenants: {},
  apiKeys: {},
  workspaces: {
    a: {
      pools: {},
      blocks: {},
      jobs: {},
      results: {},
      consumed: {},
      users: {},
      audit: [],
      catalogue: {},
      lastIds: { job: 0, audit: 0, project: 2, dataset: 2 },
      projects: { '1': project(1), '2': project(2) },
      datasets: { '1': dataset(1, 1, 'Default'), '2': dataset(2, 1, 'x') },
    },
  },
};

describe('opening a document whose projects lack their Default dataset', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-defaults-'));
    await writeFile(join(dir, STORE_FILE), JSON.stringify(snapshot));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives each its Default on opening, under the same id until written, then keeps it', async () => {
    const store = await openLowdbStore(dir);
    expect(await store.listDatasets('a', 2, PAGE)).toEqual([dataset(3, 2, 'Default')]);
    expect(await store.listDatasets('a', 1, PAGE)).toEqual([
      dataset(1, 1, 'Default'),
      dataset(2, 1, 'x'),
    ]);
    await store.close();
    // Reads wrote nothing: the file is as it was, and a reopen hands out the same id.
    expect(JSON.parse(await readFile(join(dir, STORE_FILE), 'utf8'))).toEqual(snapshot);

    const reopened = await openLowdbStore(dir);
    expect(await reopened.listDatasets('a', 2, PAGE)).toEqual([dataset(3, 2, 'Default')]);
    const added = await reopened.addDataset({ workspace: 'a', project: 2, name: 'y', values: {} });
    expect(added.id).toBe(4);
    await reopened.close();

    const again = await openLowdbStore(dir);
    expect((await again.listDatasets('a', 2, PAGE)).map((d) => [d.id, d.name])).toEqual([
      [3, 'Default'],
      [4, 'y'],
    ]);
    await again.close();
  });
});
