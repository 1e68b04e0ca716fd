import { beforeEach, describe, expect, it } from 'vitest';
import type { EventStore } from '@allot/core';
import { later, T0 } from './contract-fixtures.js';

/** The events slice: each workspace's audit log, newest first. */
export function describeEventsContract(current: () => EventStore): void {
  describe('events', () => {
    let store: EventStore;
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
  });
}
