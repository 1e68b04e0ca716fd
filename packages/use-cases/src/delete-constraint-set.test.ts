import {
  openMemoryStore,
  openMemoryWorkQueue,
  type CataloguePut,
  type Store,
  type WorkQueue,
} from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Acting } from './acting.js';
import { createConstraintSet } from './create-constraint-set.js';
import { createProject } from './create-project.js';
import { createSyntheticDataset } from './create-synthetic-dataset.js';
import { deleteConstraintSet } from './delete-constraint-set.js';
import { EventLog } from './event-log.js';
import { DATASET_KIND, listSynthBodies, type DatasetBody } from './synth-records.js';
import { uploadSchema } from './upload-schema.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const acting: Acting = { workspace: 'w', actor: 'key:1', user: 'u', ip: null, now: NOW };
const PEOPLE = {
  title: 'people',
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer' } },
};
const page = { limit: 10_000, offset: 0 };

/**
 * The store, except that `beforeDatasetPut` runs to its end just before
 * the first put of a dataset record goes to the store: a delete placed
 * exactly between a create's reads and its write.
 */
function withHookBeforeDatasetPut(store: Store, beforeDatasetPut: () => Promise<unknown>): Store {
  let fired = false;
  return new Proxy(store, {
    get(target, property) {
      if (property === 'putCatalogue')
        return async (put: CataloguePut, now: Date) => {
          if (put.kind === DATASET_KIND && !fired) {
            fired = true;
            await beforeDatasetPut();
          }
          return target.putCatalogue(put, now);
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

describe('deleting a constraint set while a dataset naming it is created', () => {
  let store: Store;
  let queue: WorkQueue;
  let project: number;
  let schema: number;

  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    // No worker: the generations stay queued, only what is stored matters here.
    queue = await openMemoryWorkQueue();
    const events = new EventLog(store);
    project = (await createProject(store, events, { name: 'p' }, acting)).id;
    schema = (
      await uploadSchema(store, events, { project, name: 'people', source: PEOPLE }, acting)
    ).id;
  });

  const constraintSet = async () =>
    (
      await createConstraintSet(
        store,
        { project, schema, name: 'ids', constraints: { fields: { id: { min: 7 } } } },
        acting,
      )
    ).id;

  const create = (on: Store, set: number) =>
    createSyntheticDataset(
      on,
      queue,
      { project, name: 'd', schema, constraintSet: set, recordCount: 1 },
      acting,
    );

  it('refuses a create whose set was deleted after it read it and before it was stored', async () => {
    const set = await constraintSet();
    const hooked = withHookBeforeDatasetPut(store, () =>
      deleteConstraintSet(store, { id: set }, acting),
    );
    await expect(create(hooked, set)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'constraintSet' },
    });
    expect(await listSynthBodies(store, { workspace: 'w', kind: DATASET_KIND, page })).toEqual([]);
  });

  it('never refuses the delete, and a dataset created first keeps its copy, however the two interleave', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 24; round++) {
      const set = await constraintSet();
      // Started together, the delete a little later each round.
      const [created, deleted] = await Promise.allSettled([
        create(store, set),
        (async () => {
          for (let tick = 0; tick < round * 2; tick++) await Promise.resolve();
          await deleteConstraintSet(store, { id: set }, acting);
        })(),
      ]);
      outcomes.add(created.status);
      expect(deleted.status).toBe('fulfilled');
      if (created.status === 'rejected')
        expect(created.reason).toMatchObject({
          code: 'NOT_FOUND',
          details: { field: 'constraintSet' },
        });
    }
    // Both orders happened: the race was run, not one side always first.
    expect([...outcomes].sort()).toEqual(['fulfilled', 'rejected']);
    const datasets = await listSynthBodies<DatasetBody>(store, {
      workspace: 'w',
      kind: DATASET_KIND,
      page,
    });
    expect(datasets.length).toBeGreaterThan(0);
    for (const dataset of datasets)
      expect(dataset.constraints).toEqual([{ fields: { id: { min: 7 } } }]);
  });
});
