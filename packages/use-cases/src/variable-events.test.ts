import { openMemoryStore, type EventStore, type Store } from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { addVariable } from './add-variable.js';
import { deleteVariable, renameVariable } from './change-variable.js';
import type { DatasetCaller } from './dataset-caller.js';
import { EventLog } from './event-log.js';
import { createProject } from './create-project.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const caller: DatasetCaller = {
  workspace: 'w',
  actor: 'user:ann',
  user: 'ann',
  ip: '10.0.0.1',
  now: NOW,
  role: 'admin',
};

/**
 * An event log whose own appends fail, as a process killed between a
 * change and a second write of its event would: a change whose event is
 * written with it (one write) is not touched by that.
 */
const crashingLog = () =>
  new EventLog({
    appendEvent: () => Promise.reject(new Error('killed before the event was written')),
  } as unknown as EventStore);

describe('variable writes and their events', () => {
  let store: Store;
  let project: number;
  const kinds = async () =>
    (await store.listEvents({ workspace: 'w', page: { limit: 50, offset: 0 } }))
      .filter((e) => e.kind.startsWith('variable.'))
      .map((e) => [e.kind, e.subject, e.details]);

  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    project = (
      await createProject(store, new EventLog(store), { name: 'lab', version: '1.0' }, caller)
    ).id;
  });

  it('writes each change with its event, never one without the other', async () => {
    const told: string[] = [];
    const log = crashingLog();
    log.onEvent((event) => {
      told.push(event.kind);
    });
    const added = await addVariable(store, log, { project, name: 'age' }, caller);
    await renameVariable(store, log, { id: added.id, name: 'years' }, caller);
    await deleteVariable(store, log, added.id, caller);
    const subject = `variable:${added.id}`;
    expect(await kinds()).toEqual([
      ['variable.deleted', subject, { name: 'years' }],
      ['variable.updated', subject, { name: 'years' }],
      ['variable.created', subject, { name: 'age' }],
    ]);
    // Listeners hear of each once it is stored.
    expect(told).toEqual(['variable.created', 'variable.updated', 'variable.deleted']);
  });
});
