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
import type { Acting } from './acting.js';
import { latestRecords } from './assembly-catalogue.js';
import { createCoverageSet } from './create-coverage-set.js';
import { createDeterminingAttribute } from './create-determining-attribute.js';
import { createProject } from './create-project.js';
import { createWorkset } from './create-workset.js';
import { deleteCoverageSet } from './delete-coverage-set.js';
import { deleteWorkset } from './delete-workset.js';
import { EventLog } from './event-log.js';
import { importBlockVersion } from './import-block-version.js';
import { listCoverageSets } from './list-coverage-sets.js';
import { lockCoverageSet } from './lock-coverage-set.js';
import { putAssemblyPart } from './put-assembly-part.js';
import { updateCoverageSet } from './update-coverage-set.js';
import { updateWorkset } from './update-workset.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const acting: Acting = { workspace: 'w', actor: 'user:ann', user: 'ann', ip: null, now: NOW };
const admin = { user: 'ann', role: 'admin' } as const;
const lab = { name: 'lab', version: '1.0' };
const where = { workspace: 'w', project: lab };

describe('deleting a coverage set version a workset uses as its primary data set', () => {
  let store: Store;
  let project: ProjectRecord;

  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    project = await createProject(store, new EventLog(store), lab, acting);
    await importBlockVersion(store, {
      workspace: 'w',
      block: 'customers',
      text: 'id,tier\nC1,gold\nC2,silver\n',
      source: 'customers.csv',
      keyColumn: 'id',
    });
    await createDeterminingAttribute(
      store,
      {
        ...where,
        attribute: {
          name: 'tier',
          type: 'VALUE',
          values: ['gold', 'silver'],
          source: { name: 'customers', version: '1.0', attribute: 'tier' },
        },
      },
      acting,
    );
    await putAssemblyPart(store, project, {
      kind: SCENARIO_KIND,
      name: 'enrol',
      body: { steps: [{ name: 'one' }] },
      actor: 'ann',
      now: NOW,
    });
    await putAssemblyPart(store, project, {
      kind: DATA_VIEW_KIND,
      name: 'combo_view',
      body: { columns: ['tier'] },
      actor: 'ann',
      now: NOW,
    });
  });

  const coverageSet = (name: string) =>
    createCoverageSet(
      store,
      { ...where, set: { name, determiningAttributes: [{ name: 'tier', version: '1.0' }] } },
      acting,
    );

  const worksetOn = (name: string, dataSet: { name: string; version: string }) => ({
    name,
    scenario: { name: 'enrol', version: '1.0' },
    primary: { view: { name: 'combo_view', version: '1.0' }, dataSet },
  });

  /** Runs `work` after `ticks` turns of the microtask queue: each round of a race starts it later. */
  async function after<T>(ticks: number, work: () => Promise<T>): Promise<T> {
    for (let i = 0; i < ticks; i++) await Promise.resolve();
    return work();
  }

  it('never leaves a workset naming a coverage set version that is gone, however the two interleave', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 24; round++) {
      const set = await coverageSet(`round_${round}_coverage`);
      // Started together, the delete a little later each round: each one's checks may run before the other's write.
      const [created, deleted] = await Promise.allSettled([
        createWorkset(
          store,
          project,
          worksetOn(`night_${round}_workset`, { name: set.name, version: '1.0' }),
          admin,
          NOW,
        ),
        after(round, () => deleteCoverageSet(store, { ...where, id: set.id, force: true }, acting)),
      ]);
      outcomes.add(`${created.status}/${deleted.status}`);
      // Exactly one of them wins, and the other is refused for it.
      expect([created.status, deleted.status].sort()).toEqual(['fulfilled', 'rejected']);
      if (created.status === 'rejected')
        expect(created.reason).toMatchObject({ code: 'NOT_FOUND' });
      if (deleted.status === 'rejected') expect(deleted.reason).toMatchObject({ code: 'IN_USE' });
    }
    // Both orders happened: the race was run, not one side always first.
    expect([...outcomes].sort()).toEqual(['fulfilled/rejected', 'rejected/fulfilled']);
    const sets = new Set(
      (await listCoverageSets(store, where)).map((s) => `${s.name} ${s.version}`),
    );
    for (const workset of await latestRecords(store, project, WORKSET_KIND)) {
      const { dataSet } = (workset.body as WorksetBody).primary;
      expect(sets).toContain(`${dataSet.name} ${dataSet.version}`);
    }
  });

  it('refuses the delete while any workset version names that set version, and deletes other versions', async () => {
    const v10 = await coverageSet('demo_coverage');
    await lockCoverageSet(store, { ...where, id: v10.id }, acting);
    const { set: v11 } = await updateCoverageSet(
      store,
      { ...where, id: v10.id, determiningAttributes: [{ name: 'tier', version: '1.0' }] },
      acting,
    );
    expect(v11.version).toBe('1.1');
    // TDO writes three-part versions: 1.0.0 names the set's 1.0.
    const workset = await createWorkset(
      store,
      project,
      worksetOn('night_workset', { name: 'demo_coverage', version: '1.0.0' }),
      admin,
      NOW,
    );
    // Version 1.1 of the workset moves to the data block; 1.0 still names the set.
    await updateWorkset(
      store,
      project,
      {
        id: workset.id,
        primary: {
          view: { name: 'combo_view', version: '1.0' },
          dataSet: { name: 'customers', version: '1.0' },
        },
      },
      admin,
      NOW,
    );
    await expect(
      deleteCoverageSet(store, { ...where, id: v10.id, force: true }, acting),
    ).rejects.toMatchObject({
      code: 'IN_USE',
      message:
        'coverage set "demo_coverage" 1.0 is used by workset "night_workset" 1.0: delete or update the workset first',
      details: { workset: 'night_workset', version: '1.0' },
    });
    // The version no workset names goes; the one in use stays.
    await deleteCoverageSet(store, { ...where, id: v11.id, force: true }, acting);
    expect((await listCoverageSets(store, where)).map((s) => s.version)).toEqual(['1.0']);

    await deleteWorkset(store, project, workset.id, admin, NOW);
    await deleteCoverageSet(store, { ...where, id: v10.id, force: true }, acting);
    expect(await listCoverageSets(store, where)).toEqual([]);
  });
});
