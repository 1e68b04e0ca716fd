import { openMemoryStore, openMemoryWorkQueue, type Store, type WorkQueue } from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Acting } from './acting.js';
import { createConstraintSet } from './create-constraint-set.js';
import { createProject } from './create-project.js';
import { createSyntheticDataset } from './create-synthetic-dataset.js';
import { deleteSchema } from './delete-schema.js';
import { EventLog } from './event-log.js';
import { listSchemas } from './list-schemas.js';
import {
  CONSTRAINT_SET_KIND,
  DATASET_KIND,
  listSynthBodies,
  type ConstraintSetBody,
  type DatasetBody,
} from './synth-records.js';
import { updateConstraintSet } from './update-constraint-set.js';
import { uploadSchema } from './upload-schema.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const acting: Acting = { workspace: 'w', actor: 'key:1', user: 'u', ip: null, now: NOW };
const PEOPLE = {
  title: 'people',
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer' } },
};

describe('deleting a schema while a constraint set or dataset naming it is created', () => {
  let store: Store;
  let queue: WorkQueue;
  let events: EventLog;
  let project: number;

  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    // No worker: the generations stay queued, only what is stored matters here.
    queue = await openMemoryWorkQueue();
    events = new EventLog(store);
    project = (await createProject(store, events, { name: 'p' }, acting)).id;
  });

  const upload = async () =>
    (await uploadSchema(store, events, { project, name: 'people', source: PEOPLE }, acting)).id;

  /** Starts a create and the delete together: each one's checks may run before the other's write. */
  async function race(create: (schema: number) => Promise<unknown>): Promise<string[]> {
    const outcomes: string[] = [];
    for (let round = 0; round < 20; round++) {
      const schema = await upload();
      const [created, deleted] = await Promise.allSettled([
        create(schema),
        deleteSchema(store, { id: schema }, acting),
      ]);
      outcomes.push(`${created.status}/${deleted.status}`);
      // Exactly one of them wins, and the other is refused for it, as the facades answer today.
      expect([created.status, deleted.status].sort()).toEqual(['fulfilled', 'rejected']);
      if (created.status === 'rejected')
        expect(created.reason).toMatchObject({ code: 'NOT_FOUND', details: { field: 'schema' } });
      if (deleted.status === 'rejected')
        expect(deleted.reason).toMatchObject({
          code: 'INVALID_INPUT',
          message: expect.stringMatching(
            `^schema ${schema} is used by (constraint set|dataset) \\d+$`,
          ),
          details: { field: 'schema' },
        });
    }
    return outcomes;
  }

  /** Every constraint set and dataset stored names a schema that is still there. */
  async function expectNoneOrphaned(): Promise<void> {
    const page = { limit: 10_000, offset: 0 };
    const schemas = new Set(
      (await listSchemas(store, { workspace: 'w', page })).map((schema) => schema.id),
    );
    const sets = await listSynthBodies<ConstraintSetBody>(store, {
      workspace: 'w',
      kind: CONSTRAINT_SET_KIND,
      page,
    });
    const datasets = await listSynthBodies<DatasetBody>(store, {
      workspace: 'w',
      kind: DATASET_KIND,
      page,
    });
    for (const record of [...sets, ...datasets]) expect(schemas).toContain(record.schema);
  }

  it('never leaves a constraint set naming a schema that is gone', async () => {
    const outcomes = await race((schema) =>
      createConstraintSet(
        store,
        { project, schema, name: 'ids', constraints: { fields: { id: { min: 1 } } } },
        acting,
      ),
    );
    expect(outcomes).toHaveLength(20);
    await expectNoneOrphaned();
  });

  it('never leaves a dataset naming a schema that is gone', async () => {
    const outcomes = await race((schema) =>
      createSyntheticDataset(store, queue, { project, name: 'd', schema, recordCount: 1 }, acting),
    );
    expect(outcomes).toHaveLength(20);
    await expectNoneOrphaned();
  });

  it('refuses the delete while a constraint set uses the schema, and updates of that set still store', async () => {
    const schema = await upload();
    const set = await createConstraintSet(
      store,
      { project, schema, name: 'ids', constraints: {} },
      acting,
    );
    await expect(deleteSchema(store, { id: schema }, acting)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `schema ${schema} is used by constraint set ${set.id}`,
    });
    await expect(
      updateConstraintSet(store, { id: set.id }, { name: 'renamed' }, acting),
    ).resolves.toMatchObject({ name: 'renamed', schema });
  });

  it('names a dataset that uses the schema as another of its entities', async () => {
    const people = await upload();
    const other = (
      await uploadSchema(
        store,
        events,
        {
          project,
          name: 'orders',
          source: { title: 'orders', type: 'object', properties: { id: { type: 'integer' } } },
        },
        acting,
      )
    ).id;
    const dataset = await createSyntheticDataset(
      store,
      queue,
      {
        project,
        name: 'd',
        schema: other,
        recordCount: 1,
        entities: [{ schema: people, constraintSet: null, recordCount: 1 }],
      },
      acting,
    );
    await expect(deleteSchema(store, { id: people }, acting)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `schema ${people} is used by dataset ${dataset.id}`,
    });
    await expect(deleteSchema(store, { id: other }, acting)).rejects.toMatchObject({
      message: `schema ${other} is used by dataset ${dataset.id}`,
    });
  });
});
