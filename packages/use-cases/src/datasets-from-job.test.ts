import { openMemoryStore, validatePoolObject, type EventStore, type Store } from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createProject } from './create-project.js';
import type { DatasetCaller } from './dataset-caller.js';
import { datasetsFromJob } from './datasets-from-job.js';
import { EventLog } from './event-log.js';
import { executeBundle } from './execute-bundle.js';
import { importBlockVersion } from './import-block-version.js';
import { putPool } from './put-pool.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const caller: DatasetCaller = {
  workspace: 'w',
  actor: 'user:ann',
  user: 'ann',
  ip: null,
  now: NOW,
  role: 'admin',
};

describe("a job's results as datasets", () => {
  let store: Store;
  let project: number;
  let job: number;

  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    project = (
      await createProject(store, new EventLog(store), { name: 'lab', version: '1.0' }, caller)
    ).id;
    await importBlockVersion(store, {
      workspace: 'w',
      block: 'customers',
      text: 'id,status\nC-1,active\nC-2,locked\n',
      source: 'customers.csv',
      format: 'csv',
    });
    const tests = [
      { suite: 's', test: 'active', find: { where: { status: 'active' } } },
      { suite: 's', test: 'locked', find: { where: { status: 'locked' } } },
    ];
    await putPool(
      store,
      'w',
      validatePoolObject({ pool: 'shop', key: 'id', blocks: ['customers'], tests }, null),
    );
    const bundle = tests.map((t) => ({ pool: 'shop', suite: t.suite, test: t.test }));
    job = (await executeBundle(store, { workspace: 'w', tests: bundle, clock: () => NOW }))
      .jobId as number;
  });

  it('writes the variables, the datasets and their event as one write, never the datasets alone', async () => {
    // An event log whose own appends fail, as a process stopped between a change and a second write of its event.
    const log = new EventLog({
      appendEvent: () => Promise.reject(new Error('stopped before the event was written')),
    } as unknown as EventStore);
    const heard: string[] = [];
    log.onEvent((event) => {
      heard.push(event.kind);
    });
    const made = await datasetsFromJob(store, log, { project, job }, caller);
    expect(made).toMatchObject({ job, updated: [], variablesAdded: ['id', 'status'] });
    expect(made.created).toHaveLength(2);
    const datasets = await store.listDatasets('w', project, { limit: 10, offset: 0 });
    expect(datasets.map((d) => d.name)).toEqual(['Default', 's / active', 's / locked']);
    const events = await store.listEvents({
      workspace: 'w',
      kind: 'datasets.from-job',
      page: { limit: 10, offset: 0 },
    });
    expect(events.map((e) => [e.subject, e.details])).toEqual([
      [`job:${job}`, { created: 2, updated: 0 }],
    ]);
    expect(heard).toEqual(['datasets.from-job']);

    const again = await datasetsFromJob(store, new EventLog(store), { project, job }, caller);
    expect(again).toMatchObject({ created: [], updated: made.created, variablesAdded: [] });
  });
});
