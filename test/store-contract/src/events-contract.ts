import { beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type EventStore, type NewEvent, type NotificationStore } from '@allot/core';
import { later, T0 } from './contract-fixtures.js';

function event(kind: string, at: Date, extra: Partial<NewEvent> = {}): NewEvent {
  return {
    workspace: 'acme',
    kind,
    actor: 'k1',
    ip: '10.0.0.1',
    project: null,
    subject: 'job 1',
    at: at.toISOString(),
    details: {},
    ...extra,
  };
}

/** The events slice: each workspace's event log, the audit log as a view of it, and notifications. */
export function describeEventsContract(current: () => EventStore & NotificationStore): void {
  describe('events', () => {
    let store: EventStore & NotificationStore;
    beforeEach(() => {
      store = current();
    });

    it('keeps the audit log of each workspace', async () => {
      const first = await store.appendAudit({
        workspace: 'acme',
        at: T0.toISOString(),
        actor: 'k1',
        action: 'job.execute',
        target: 'job 1',
        details: {},
      });
      const second = await store.appendAudit({
        workspace: 'acme',
        at: later(1).toISOString(),
        actor: 'k1',
        action: 'job.release',
        target: 'job 1',
        details: { rows: 2 },
      });
      expect(second.id).toBeGreaterThan(first.id);
      expect(
        (await store.listAudit('acme', { limit: 10, offset: 0 })).map((e) => e.action),
      ).toEqual(['job.release', 'job.execute']);
      expect(await store.listAudit('other', { limit: 10, offset: 0 })).toEqual([]);
    });

    it('shows audit entries and events as one log, under the same ids while all are audited', async () => {
      await store.appendAudit({
        workspace: 'acme',
        at: T0.toISOString(),
        actor: 'k1',
        action: 'pool.delete',
        target: 'pool:shop',
        details: { why: 'old' },
      });
      const created = await store.appendEvent(
        event('project.created', later(1), { project: 4, subject: 'project:4' }),
      );
      expect(created.id).toBe(2);
      const events = await store.listEvents({ workspace: 'acme', page: { limit: 10, offset: 0 } });
      expect(events).toEqual([
        created,
        {
          id: 1,
          workspace: 'acme',
          kind: 'pool.delete',
          actor: 'k1',
          ip: null,
          project: null,
          subject: 'pool:shop',
          at: T0.toISOString(),
          details: { why: 'old' },
        },
      ]);
      const audit = await store.listAudit('acme', { limit: 10, offset: 0 });
      expect(audit[0]).toEqual({
        id: 2,
        workspace: 'acme',
        at: later(1).toISOString(),
        actor: 'k1',
        action: 'project.created',
        target: 'project:4',
        details: {},
      });
    });

    it('leaves what the server did by itself out of the audit log, whose ids count on without gaps', async () => {
      await store.appendEvent(event('job.execute', T0));
      const done = await store.appendEvent(
        event('job.completed', later(1), { actor: SYSTEM_ACTOR, ip: null }),
      );
      const released = await store.appendAudit({
        workspace: 'acme',
        at: later(2).toISOString(),
        actor: 'k1',
        action: 'job.release',
        target: 'job 1',
        details: {},
      });
      const next = await store.appendEvent(event('pool.delete', later(3)));
      expect(done.id).toBe(2);
      expect(released.id).toBe(2);
      expect(next.id).toBe(4);
      expect(
        (await store.listAudit('acme', { limit: 10, offset: 0 })).map((e) => [e.id, e.action]),
      ).toEqual([
        [3, 'pool.delete'],
        [2, 'job.release'],
        [1, 'job.execute'],
      ]);
      expect(
        (await store.listEvents({ workspace: 'acme', page: { limit: 10, offset: 0 } })).map((e) => [
          e.id,
          e.kind,
        ]),
      ).toEqual([
        [4, 'pool.delete'],
        [3, 'job.release'],
        [2, 'job.completed'],
        [1, 'job.execute'],
      ]);
    });

    it('filters by dates (start inclusive, end exclusive), actor, kind and project, and pages', async () => {
      await store.appendEvent(event('job.completed', T0));
      await store.appendEvent(event('job.failed', later(10), { actor: 'k2' }));
      await store.appendEvent(event('project.created', later(20), { project: 1 }));
      await store.appendEvent(event('job.completed', later(30), { project: 1 }));
      await store.appendEvent(event('job.completed', later(5), { workspace: 'other' }));
      const kinds = async (filters: object, page = { limit: 10, offset: 0 }) =>
        (await store.listEvents({ workspace: 'acme', page, ...filters })).map(
          (e) => `${e.kind}@${(Date.parse(e.at) - T0.getTime()) / 1000}`,
        );
      expect(await kinds({ from: later(10).toISOString(), to: later(30).toISOString() })).toEqual([
        'project.created@20',
        'job.failed@10',
      ]);
      expect(await kinds({ to: later(10).toISOString() })).toEqual(['job.completed@0']);
      expect(await kinds({ actor: 'k2' })).toEqual(['job.failed@10']);
      expect(await kinds({ kind: 'job.completed' })).toEqual([
        'job.completed@30',
        'job.completed@0',
      ]);
      expect(await kinds({ project: 1, kind: 'job.completed' })).toEqual(['job.completed@30']);
      expect(await kinds({}, { limit: 2, offset: 1 })).toEqual([
        'project.created@20',
        'job.failed@10',
      ]);
    });

    it('notifies the users an event names, with the event, and counts what is unread', async () => {
      const first = await store.appendEvent(event('project.member.added', T0), ['u1', 'u2', 'u1']);
      const second = await store.appendEvent(event('job.completed', later(1)), ['u1']);
      await store.appendEvent(event('job.completed', later(2)));
      const mine = await store.listNotifications({
        workspace: 'acme',
        user: 'u1',
        page: { limit: 10, offset: 0 },
      });
      expect(mine.map((n) => [n.id, n.readAt, n.event])).toEqual([
        [second.id, null, second],
        [first.id, null, first],
      ]);
      expect(await store.countUnreadNotifications('acme', 'u1')).toBe(2);
      expect(await store.getNotification('acme', 'u1', first.id)).toEqual({
        id: first.id,
        workspace: 'acme',
        user: 'u1',
        readAt: null,
        event: first,
      });
      expect(await store.getNotification('acme', 'u3', first.id)).toBeUndefined();
      expect(await store.getNotification('other', 'u1', first.id)).toBeUndefined();
      expect(await store.countUnreadNotifications('acme', 'u2')).toBe(1);
      expect(await store.countUnreadNotifications('other', 'u1')).toBe(0);

      expect(await store.markNotificationsRead('acme', 'u1', later(5), [first.id, 999])).toBe(1);
      expect(await store.markNotificationsRead('acme', 'u1', later(6), [first.id])).toBe(0);
      expect(await store.countUnreadNotifications('acme', 'u1')).toBe(1);
      const unread = await store.listNotifications({
        workspace: 'acme',
        user: 'u1',
        unreadOnly: true,
        page: { limit: 10, offset: 0 },
      });
      expect(unread.map((n) => n.id)).toEqual([second.id]);
      const read = await store.listNotifications({
        workspace: 'acme',
        user: 'u1',
        page: { limit: 1, offset: 1 },
      });
      expect(read.map((n) => [n.id, n.readAt])).toEqual([[first.id, later(5).toISOString()]]);

      expect(await store.markNotificationsRead('acme', 'u2', later(7))).toBe(1);
      expect(await store.countUnreadNotifications('acme', 'u2')).toBe(0);

      expect(await store.deleteNotification('acme', 'u1', first.id)).toBe(true);
      expect(await store.deleteNotification('acme', 'u1', first.id)).toBe(false);
      expect(await store.deleteNotification('other', 'u2', first.id)).toBe(false);
      expect(
        (
          await store.listNotifications({
            workspace: 'acme',
            user: 'u1',
            page: { limit: 10, offset: 0 },
          })
        ).map((n) => n.id),
      ).toEqual([second.id]);
      // The event stays in the log: a notification is only one user's view of it.
      expect(
        await store.listEvents({ workspace: 'acme', page: { limit: 10, offset: 0 } }),
      ).toHaveLength(3);
    });

    it('numbers concurrent appends distinctly', async () => {
      const events = await Promise.all(
        Array.from({ length: 12 }, (_, i) => store.appendEvent(event('x', later(i)), ['u1'])),
      );
      expect(new Set(events.map((e) => e.id)).size).toBe(12);
      expect(await store.countUnreadNotifications('acme', 'u1')).toBe(12);
    });
  });
}
