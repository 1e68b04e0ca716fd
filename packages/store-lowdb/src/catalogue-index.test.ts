import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  compareCatalogueRecords,
  compareVersions,
  type CatalogueName,
  type CatalogueRecord,
  type Store,
} from '@allot/core';
import { openLowdbStore } from './open-lowdb-store.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const KINDS = ['schema', 'dataset-chunk'] as const;
const PROJECTS = [null, 'p', 'q'] as const;
const NAMES = ['x', 'x/1', 'x/2', 'y', 'xy'] as const;

/** A step on the store: each write path of the catalogue, and a reopen from disk. */
type Step =
  | { op: 'put'; name: CatalogueName; keepId: boolean; body: number }
  | { op: 'lock'; pick: number }
  | { op: 'deleteVersion'; pick: number }
  | { op: 'deleteName'; pick: number }
  | { op: 'reopen' };

const nameArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  workspace: fc.constantFrom('w', 'v'),
  project: fc.constantFrom(...PROJECTS),
  name: fc.constantFrom(...NAMES),
});
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('put' as const),
      name: nameArb,
      keepId: fc.boolean(),
      body: fc.nat(99),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('lock' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('deleteVersion' as const), pick: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteName' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'reopen' as const }) },
);

const sameName = (a: CatalogueName, b: CatalogueName) =>
  a.workspace === b.workspace && a.kind === b.kind && a.project === b.project && a.name === b.name;

/** The records the store should hold, answered by a plain scan of all of them. */
class ScanModel {
  records: CatalogueRecord[] = [];

  versionsOf(name: CatalogueName): CatalogueRecord[] {
    return this.records
      .filter((r) => sameName(r, name))
      .sort((a, b) => compareVersions(a.version, b.version));
  }

  byId(workspace: string, id: string, version?: string): CatalogueRecord | undefined {
    return this.records
      .filter((r) => r.workspace === workspace && r.id === id)
      .filter((r) => version === undefined || r.version === version)
      .sort((a, b) => compareVersions(a.version, b.version))
      .at(-1);
  }

  list(query: Parameters<Store['listCatalogue']>[0]): CatalogueRecord[] {
    let records = this.records
      .filter(
        (r) =>
          r.workspace === query.workspace &&
          r.kind === query.kind &&
          (query.project === undefined || r.project === query.project) &&
          (query.namePrefix === undefined || r.name.startsWith(query.namePrefix)),
      )
      .sort(compareCatalogueRecords);
    if (query.latestOnly === true)
      records = records.filter(
        (r, i) => records[i + 1] === undefined || !sameName(r, records[i + 1]!),
      );
    return records.slice(query.page.offset, query.page.offset + query.page.limit);
  }

  replace(record: CatalogueRecord): void {
    this.records = [
      ...this.records.filter((r) => !(sameName(r, record) && r.version === record.version)),
      record,
    ];
  }
}

/** Asks the store every question the scan can answer, and compares. */
async function expectSameAnswers(store: Store, model: ScanModel): Promise<void> {
  for (const workspace of ['w', 'v'])
    for (const kind of KINDS)
      for (const project of PROJECTS)
        for (const name of NAMES) {
          const target = { workspace, kind, project, name };
          const versions = model.versionsOf(target);
          expect(await store.getCatalogueByName(target)).toEqual(versions.at(-1));
          for (const version of [...versions.map((r) => r.version), '9.9'])
            expect(await store.getCatalogueByName(target, version)).toEqual(
              versions.find((r) => r.version === version),
            );
        }
  for (const record of model.records) {
    expect(await store.getCatalogueById(record.workspace, record.id)).toEqual(
      model.byId(record.workspace, record.id),
    );
    expect(await store.getCatalogueById(record.workspace, record.id, record.version)).toEqual(
      model.byId(record.workspace, record.id, record.version),
    );
  }
  for (const workspace of ['w', 'v'])
    for (const kind of KINDS)
      for (const project of [undefined, ...PROJECTS])
        for (const namePrefix of [undefined, 'x', 'x/'])
          for (const latestOnly of [false, true])
            for (const page of [
              { offset: 0, limit: 1000 },
              { offset: 1, limit: 2 },
            ]) {
              const query = { workspace, kind, project, namePrefix, latestOnly, page };
              expect(await store.listCatalogue(query)).toEqual(model.list(query));
            }
}

describe('the lowdb catalogue index', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-lowdb-index-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers as a scan of every record would, across puts, locks, deletes and reopening', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 30 }), async (steps) => {
        const data = join(dir, String(run++));
        const model = new ScanModel();
        let store = await openLowdbStore(data);
        try {
          for (const step of steps) {
            const picked = model.records[(step as { pick?: number }).pick! % model.records.length];
            if (step.op === 'put') {
              model.replace(
                await store.putCatalogue(
                  { ...step.name, body: { n: step.body }, actor: 'ann', keepId: step.keepId },
                  T0,
                ),
              );
            } else if (step.op === 'lock' && picked !== undefined) {
              model.replace(
                await store.lockCatalogue(picked.workspace, picked.id, { holder: 'ann' }, T0),
              );
            } else if (step.op === 'deleteVersion' && picked !== undefined) {
              await store.deleteCatalogue({ ...picked, actor: 'ann', force: true }, T0);
              model.records = model.records.filter((r) => r !== picked);
            } else if (step.op === 'deleteName' && picked !== undefined) {
              const { version: _, ...name } = picked;
              await store.deleteCatalogue({ ...name, actor: 'ann', force: true }, T0);
              model.records = model.records.filter((r) => !sameName(r, picked));
            } else if (step.op === 'reopen') {
              await store.close();
              store = await openLowdbStore(data);
            }
            await expectSameAnswers(store, model);
          }
        } finally {
          await store.close();
        }
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});
