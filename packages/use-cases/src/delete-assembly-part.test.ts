import {
  DATA_VIEW_KIND,
  SCENARIO_KIND,
  WORKSET_KIND,
  openMemoryStore,
  type ProjectRecord,
  type Store,
  type WorksetBody,
} from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { latestRecords, recordByName } from './assembly-catalogue.js';
import { createProject } from './create-project.js';
import { createWorkset } from './create-workset.js';
import { deleteAssemblyPart } from './delete-assembly-part.js';
import { EventLog } from './event-log.js';
import { importBlockVersion } from './import-block-version.js';
import { putAssemblyPart } from './put-assembly-part.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const admin = { user: 'ann', role: 'admin' } as const;

describe('deleting a data view or scenario while a workset naming it is created', () => {
  let store: Store;
  let project: ProjectRecord;

  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    const acting = { workspace: 'w', actor: 'user:ann', user: 'ann', ip: null, now: NOW };
    project = await createProject(
      store,
      new EventLog(store),
      { name: 'lab', version: '1.0' },
      acting,
    );
    await importBlockVersion(store, {
      workspace: 'w',
      block: 'customers',
      text: 'id,tier\nC1,gold\n',
      source: 'customers.csv',
      keyColumn: 'id',
    });
  });

  const part = (kind: typeof DATA_VIEW_KIND | typeof SCENARIO_KIND, name: string) =>
    putAssemblyPart(store, project, {
      kind,
      name,
      body: kind === DATA_VIEW_KIND ? { columns: ['tier'] } : { steps: [{ name: 'one' }] },
      actor: 'ann',
      now: NOW,
    });

  it('never leaves a workset naming a view or scenario that is gone, however the two interleave', async () => {
    await part(SCENARIO_KIND, 'enrol');
    const outcomes: string[] = [];
    for (let round = 0; round < 20; round++) {
      const view = `view_${round}`;
      await part(DATA_VIEW_KIND, view);
      const entity = {
        name: `night_${round}_workset`,
        scenario: { name: 'enrol', version: '1.0' },
        primary: {
          view: { name: view, version: '1.0' },
          dataSet: { name: 'customers', version: '1.0' },
        },
      };
      // Started together: each one's checks may run before the other's write.
      const [created, deleted] = await Promise.allSettled([
        createWorkset(store, project, entity, admin, NOW),
        deleteAssemblyPart(store, project, {
          kind: DATA_VIEW_KIND,
          name: view,
          caller: admin,
          now: NOW,
        }),
      ]);
      outcomes.push(`${created.status}/${deleted.status}`);
      // Exactly one of them wins, and the other is refused for it.
      expect([created.status, deleted.status].sort()).toEqual(['fulfilled', 'rejected']);
      if (created.status === 'rejected')
        expect(created.reason).toMatchObject({ code: 'NOT_FOUND' });
      if (deleted.status === 'rejected') expect(deleted.reason).toMatchObject({ code: 'IN_USE' });
    }
    for (const workset of await latestRecords(store, project, WORKSET_KIND)) {
      const body = workset.body as WorksetBody;
      await expect(
        recordByName(store, project, DATA_VIEW_KIND, body.primary.view.name, '1.0'),
      ).resolves.toBeDefined();
    }
    expect(outcomes.length).toBe(20);
  });

  it('refuses a delete while any workset version names it, naming that version', async () => {
    await part(SCENARIO_KIND, 'enrol');
    await part(DATA_VIEW_KIND, 'combo_view');
    await createWorkset(
      store,
      project,
      {
        name: 'night_workset',
        scenario: { name: 'enrol', version: '1.0' },
        primary: {
          view: { name: 'combo_view', version: '1.0' },
          dataSet: { name: 'customers', version: '1.0' },
        },
      },
      admin,
      NOW,
    );
    await expect(
      deleteAssemblyPart(store, project, {
        kind: SCENARIO_KIND,
        name: 'enrol',
        caller: admin,
        now: NOW,
      }),
    ).rejects.toMatchObject({
      code: 'IN_USE',
      message:
        'scenario "enrol" is used by workset "night_workset" 1.0: delete or update the workset first',
      details: { workset: 'night_workset', version: '1.0' },
    });
    await expect(recordByName(store, project, SCENARIO_KIND, 'enrol')).resolves.toBeDefined();
  });
});
