import { openMemoryStore, type Store } from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventReport } from './event-report.js';

describe('TDO event reports', () => {
  let store: Store;
  const event = (kind: string, at: string, actor: string, details: Record<string, unknown> = {}) =>
    store.appendEvent(
      { workspace: 'w', kind, actor, ip: '10.0.0.9', project: null, subject: 's', at, details },
      [],
    );

  beforeEach(async () => {
    store = await openMemoryStore();
    await event('block.downloaded', '2030-01-01T23:59:59.999Z', 'user:ann');
    await event('block.downloaded', '2030-01-02T00:00:00.000Z', 'user:bob');
    await event('block.downloaded', '2030-01-03T00:00:00.000Z', 'user:ann via key:k1');
    const login = (session: string, at: string, user: string) =>
      event('session.login', at, `user:${user}`, { ip: '10.0.0.9', session, start: at });
    await login('s1', '2030-01-01T10:00:00.000Z', 'ann');
    await event('session.logout', '2030-01-01T11:00:00.000Z', 'user:ann', {
      session: 's1',
      end: '2030-01-01T11:00:00.000Z',
      durationSeconds: 3600,
    });
    await login('s2', '2030-01-02T10:00:00.000Z', 'ann');
  });

  it('keeps events on or after the start day and before the end day, by user', async () => {
    const report = (query: object) =>
      eventReport(store, { workspace: 'w', report: 'blockRetrieve', ...query });
    expect((await report({ startdate: '2030-01-02' })).map((l) => l.user)).toEqual(['bob', 'ann']);
    expect((await report({ enddate: '2030-01-02' })).map((l) => l.dateTime)).toEqual([
      '2030-01-01T23:59:59.999Z',
    ]);
    expect(await report({ user: 'ann' })).toHaveLength(2);
    await expect(report({ startdate: '2030-01-03', enddate: '2030-01-02' })).rejects.toMatchObject({
      details: { field: 'enddate' },
    });
    await expect(report({ startdate: '01/02/2030' })).rejects.toMatchObject({
      details: { field: 'startdate' },
    });
  });

  it('reports sessions whole; an active one is left out once an end day is given', async () => {
    const sessions = await eventReport(store, { workspace: 'w', report: 'sessions' });
    expect(sessions).toMatchObject([
      {
        id: 's1',
        user: 'ann',
        active: false,
        durationSeconds: 3600,
        logoutDateTime: '2030-01-01T11:00:00.000Z',
      },
      { id: 's2', user: 'ann', active: true, logoutDateTime: null },
    ]);
    const ended = await eventReport(store, {
      workspace: 'w',
      report: 'sessions',
      enddate: '2030-01-05',
    });
    expect(ended.map((s) => s.id)).toEqual(['s1']);
    const before = await eventReport(store, {
      workspace: 'w',
      report: 'sessions',
      enddate: '2030-01-01',
    });
    expect(before).toEqual([]);
  });

  it('asks for both projectname and projectversion, or neither', async () => {
    await expect(
      eventReport(store, { workspace: 'w', report: 'dataAssembly', projectversion: '1.0' }),
    ).rejects.toMatchObject({ details: { field: 'projectname' } });
  });
});
