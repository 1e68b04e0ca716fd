import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contextOf } from '../app-context.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET /api/v1/queue: queued jobs and allocation jobs in one view', () => {
  let t: TestApp;
  const get = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: t.auth(t.adminKey) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const execute = async (test: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: t.auth(t.adminKey),
      payload: { tests: [{ pool: 'shop', suite: 'checkout', test }], waitMs: 5000 },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { id: number };
  };

  beforeEach(async () => {
    t = await createTestApp();
    await t.seed();
  });
  afterEach(() => t.close());

  test('lists both with state, progress and result, filters by kind and state, and pages across both', async () => {
    const first = await execute('pays in Germany');
    await pause(5);
    // Work of a kind no worker runs here stays queued.
    const queuedId = await contextOf(t.app).queue.enqueue(t.workspace, 'report', { n: 1 });
    await pause(5);
    const second = await execute('gold & rich / 100%');
    await pause(5);
    // A job another replica is running: its state is in the store.
    const running = second.id + 1;
    const now = new Date().toISOString();
    await t.store.putJobState({
      workspace: t.workspace,
      id: running,
      phase: 'running',
      server: 'local',
      createdUser: 'ci',
      keyId: null,
      tests: 4,
      progress: { phase: 'matching', done: 1, total: 4 },
      answeredBy: null,
      error: null,
      createdAt: now,
      updatedAt: now,
    });

    const all = await get('/api/v1/queue');
    expect(all.items.map((item: { id: string }) => item.id)).toEqual([
      String(running),
      String(second.id),
      queuedId,
      String(first.id),
    ]);
    expect(all.total).toBe(4);
    expect(all.items[0]).toMatchObject({
      kind: 'allocation',
      state: 'running',
      progress: { done: 1, total: 4, message: 'matching' },
      result: null,
      finishedAt: null,
    });
    expect(all.items[1]).toMatchObject({
      kind: 'allocation',
      state: 'completed',
      result: { job: second.id, allocated: 1, made: 0, failed: 0 },
      error: null,
    });
    expect(all.items[2]).toMatchObject({ kind: 'report', state: 'queued' });

    const allocation = await get('/api/v1/queue?kind=allocation');
    expect(allocation.items).toHaveLength(3);
    expect(allocation.total).toBe(3);
    const reports = await get('/api/v1/queue?kind=report');
    expect(reports.items.map((item: { id: string }) => item.id)).toEqual([queuedId]);
    const completed = await get('/api/v1/queue?state=completed');
    expect(completed.items.map((item: { id: string }) => item.id)).toEqual([
      String(second.id),
      String(first.id),
    ]);
    const queued = await get('/api/v1/queue?state=queued');
    expect(queued.items.map((item: { id: string }) => item.id)).toEqual([queuedId]);

    const page1 = await get('/api/v1/queue?limit=3&offset=0');
    const page2 = await get('/api/v1/queue?limit=3&offset=3');
    expect([...page1.items, ...page2.items].map((item: { id: string }) => item.id)).toEqual(
      all.items.map((item: { id: string }) => item.id),
    );
    expect(page1.links.next).not.toBeNull();
    expect(page2.links.next).toBeNull();

    expect(await get(`/api/v1/queue/${first.id}`)).toMatchObject({
      id: String(first.id),
      kind: 'allocation',
      state: 'completed',
      result: { allocated: 1 },
    });
    expect(await get(`/api/v1/queue/${queuedId}`)).toMatchObject({ kind: 'report' });
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/queue/${first.id}/cancel`,
      headers: t.auth(t.adminKey),
    });
    expect(cancel.statusCode).toBe(409);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/queue/999',
      headers: t.auth(t.adminKey),
    });
    expect(missing.statusCode).toBe(404);
  });

  test('shows a job that ended in error as failed, and one whose state was pruned from its commit', async () => {
    const done = await execute('pays in Germany');
    const old = new Date(Date.now() + 3_600_000);
    expect(await t.store.pruneJobStates(old)).toBeGreaterThan(0);
    const now = new Date().toISOString();
    await t.store.putJobState({
      workspace: t.workspace,
      id: done.id + 1,
      phase: 'error',
      server: 'local',
      createdUser: null,
      keyId: null,
      tests: 1,
      progress: null,
      answeredBy: null,
      error: { code: 'STORE_FAILURE', message: 'the store went away' },
      createdAt: now,
      updatedAt: now,
    });
    const all = await get('/api/v1/queue?kind=allocation');
    expect(all.items).toMatchObject([
      { id: String(done.id + 1), state: 'failed', error: { code: 'STORE_FAILURE' } },
      { id: String(done.id), state: 'completed', result: { allocated: 1 } },
    ]);
    expect((await get('/api/v1/queue?state=failed')).items).toHaveLength(1);
  });
});
