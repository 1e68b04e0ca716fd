import { beforeEach, describe, expect, it } from 'vitest';
import type {
  EventRecord,
  EventStore,
  NewProject,
  NotificationStore,
  ProjectJournal,
  ProjectRecord,
  ProjectStore,
} from '@allot/core';
import { T0, WS } from './contract-fixtures.js';

function project(name: string): NewProject {
  return {
    workspace: WS,
    name,
    version: '1.0',
    description: '',
    tags: [],
    members: [{ user: 'mia', role: 'edit', since: T0.toISOString() }],
    createdBy: 'k1',
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
  };
}

/** A journal recording `kind`, remembering what the store told it. */
function journal(kind: string, told: EventRecord[] = []): ProjectJournal {
  return {
    event: (p: ProjectRecord) => ({
      workspace: p.workspace,
      kind,
      actor: 'user:ann',
      ip: '10.0.0.1',
      project: p.id,
      subject: `project:${p.id}`,
      at: T0.toISOString(),
      details: { name: p.name },
    }),
    notify: (p) => p.members.map((m) => m.user),
    recorded: (event) => told.push(event),
  };
}

/** A journal whose event cannot be written: the write it goes with must not happen either. */
const failing: ProjectJournal = {
  event: () => {
    throw new Error('the event could not be written');
  },
};

/**
 * A project write and its event are one atomic write: both are kept, or
 * neither, on every adapter.
 */
export function describeProjectJournalContract(
  current: () => ProjectStore & EventStore & NotificationStore,
): void {
  describe('project writes with their events', () => {
    let store: ProjectStore & EventStore & NotificationStore;
    const events = async () =>
      (await store.listEvents({ workspace: WS, page: { limit: 50, offset: 0 } })).map((e) => [
        e.kind,
        e.project,
      ]);
    beforeEach(() => {
      store = current();
    });

    it('writes each change with its event, and tells the journal the stored event', async () => {
      const told: EventRecord[] = [];
      const created = await store.createProject(
        project('checkout'),
        journal('project.created', told),
      );
      await store.updateProject(
        WS,
        created.id,
        (p) => ({ ...p, description: 'x' }),
        journal('project.updated', told),
      );
      expect(await store.deleteProject(WS, created.id, journal('project.deleted', told))).toBe(
        true,
      );
      expect(await store.deleteProject(WS, created.id, journal('project.deleted', told))).toBe(
        false,
      );
      expect(await events()).toEqual([
        ['project.deleted', created.id],
        ['project.updated', created.id],
        ['project.created', created.id],
      ]);
      expect(told.map((e) => [e.kind, e.project])).toEqual([
        ['project.created', created.id],
        ['project.updated', created.id],
        ['project.deleted', created.id],
      ]);
      expect(told[0]).toMatchObject({
        id: expect.any(Number),
        ip: '10.0.0.1',
        details: { name: 'checkout' },
      });
      expect(
        (
          await store.listNotifications({
            workspace: WS,
            user: 'mia',
            page: { limit: 10, offset: 0 },
          })
        ).length,
      ).toBe(3);
    });

    it('keeps no project without its event when the event write fails', async () => {
      await expect(store.createProject(project('checkout'), failing)).rejects.toThrow();
      expect(await store.findProject(WS, 'checkout', '1.0')).toBeUndefined();
      expect(await store.listProjects(WS, { limit: 10, offset: 0 })).toEqual([]);
      expect(await events()).toEqual([]);

      const kept = await store.createProject(project('billing'), journal('project.created'));
      // The failed create took no number either: ids run on from 1.
      expect(kept.id).toBe(1);
      await expect(
        store.updateProject(WS, kept.id, (p) => ({ ...p, description: 'changed' }), failing),
      ).rejects.toThrow();
      expect((await store.getProject(WS, kept.id))?.description).toBe('');
      await expect(store.deleteProject(WS, kept.id, failing)).rejects.toThrow();
      expect(await store.getProject(WS, kept.id)).toBeDefined();
      expect(await events()).toEqual([['project.created', kept.id]]);
    });
  });
}
