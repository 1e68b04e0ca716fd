import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AllotError } from '@allot/core';
import { buildApp } from '../build-app.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: last seen ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('webhooks', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    t = await createTestApp({
      allowPrivateWebhooks: true,
      webhookRetry: { maxAttempts: 4, retryDelayMs: 100, timeoutSeconds: 10 },
      webhookTimeoutMs: 2000,
    });
    await t.seed();
  });
  afterEach(async () => {
    await t.close();
    await receiver?.close();
  });
  const as = (key: string, method: Method, url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: t.auth(key),
      ...(payload === undefined ? {} : { payload }),
    });
  const admin = (method: Method, url: string, payload?: object) =>
    as(t.adminKey, method, url, payload);

  async function create(events: string[], extra: object = {}) {
    const response = await admin('POST', '/api/v1/webhooks', {
      url: receiver.url,
      events,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    const webhook = response.json() as { id: string; secret: string };
    receiver.setSecret(webhook.secret);
    return webhook;
  }

  test('a ping is signed, retried with growing waits on failure, and every attempt logged', async () => {
    receiver = await startWebhookReceiver([500, 503]);
    const webhook = await create(['job.completed'], { secret: 'a-secret-of-our-own-choosing' });
    expect(webhook.secret).toBe('a-secret-of-our-own-choosing');
    // Write-only: the secret never comes back after creation.
    expect((await admin('GET', `/api/v1/webhooks/${webhook.id}`)).body).not.toContain('secret');
    expect((await admin('GET', '/api/v1/webhooks')).body).not.toContain('secret');

    const ping = await admin('POST', `/api/v1/webhooks/${webhook.id}/test`);
    expect(ping.statusCode).toBe(202);
    const { deliveryId, queuedJobId } = ping.json() as { deliveryId: string; queuedJobId: string };
    const job = await until(
      async () => (await admin('GET', `/api/v1/queue/${queuedJobId}`)).json(),
      (body: { state: string }) => body.state === 'completed',
      'the ping delivered',
    );
    expect(job).toMatchObject({ kind: 'webhook-delivery', attempts: 3, error: null });

    const received = receiver.received;
    expect(received.map((delivery) => [delivery.verdict, delivery.answered])).toEqual([
      ['ok', 500],
      ['ok', 503],
      ['ok', 200],
    ]);
    for (const delivery of received) {
      expect(delivery.headers['x-allot-event']).toBe('ping');
      expect(delivery.headers['x-allot-delivery']).toBe(deliveryId);
      expect(JSON.parse(delivery.body)).toMatchObject({ id: deliveryId, kind: 'ping' });
    }

    const log = (await admin('GET', `/api/v1/webhooks/${webhook.id}/deliveries`)).json() as {
      items: Array<{
        attempt: number;
        status: number;
        ok: boolean;
        at: string;
        durationMs: number;
      }>;
    };
    expect(log.items.map((item) => [item.attempt, item.status, item.ok])).toEqual([
      [1, 500, false],
      [2, 503, false],
      [3, 200, true],
    ]);
    const [first, second, third] = log.items.map((item) => Date.parse(item.at));
    // 100 ms before the second attempt, 200 ms before the third: exponential backoff.
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(100);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(200);
    expect(log.items.every((item) => item.durationMs >= 0)).toBe(true);
  });

  test('a receiver that never answers 2xx fails the delivery after the last attempt', async () => {
    receiver = await startWebhookReceiver([500, 500, 500, 500, 500]);
    const webhook = await create(['job.completed']);
    const { queuedJobId } = (await admin('POST', `/api/v1/webhooks/${webhook.id}/test`)).json();
    const job = await until(
      async () => (await admin('GET', `/api/v1/queue/${queuedJobId}`)).json(),
      (body: { state: string }) => body.state === 'failed',
      'the delivery given up',
    );
    expect(job).toMatchObject({ attempts: 4, error: { message: expect.stringMatching(/500/) } });
    expect(receiver.received).toHaveLength(4);
  });

  test('an allocation job that ends is delivered as job.completed to subscribed, active webhooks', async () => {
    receiver = await startWebhookReceiver();
    // One secret for all three, so the receiver verifies whichever is delivered.
    const secret = { secret: 'one-secret-for-all-three' };
    const subscribed = await create(['job.completed', 'job.failed'], secret);
    const inactive = await create(['job.completed'], { ...secret, active: false });
    const otherKind = await create(['dataset.completed'], secret);
    expect([subscribed.id, inactive.id, otherKind.id]).toHaveLength(3);
    const executed = await admin('POST', '/api/v1/jobs', {
      tests: [{ pool: 'shop', suite: 'account', test: 'locked user' }],
      waitMs: 5000,
    });
    expect(executed.statusCode).toBe(200);
    const jobId = (executed.json() as { id: number }).id;
    const [delivery] = await receiver.waitFor(1);
    expect(delivery?.verdict).toBe('ok');
    expect(JSON.parse(delivery?.body ?? '')).toMatchObject({
      kind: 'job.completed',
      workspace: t.workspace,
      subject: `job:${jobId}`,
      data: { job: jobId, tests: 1, error: null },
    });
    // Give a wrongly queued second delivery time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(1);
  });

  test('an allocation job that breaks off is delivered as job.failed', async () => {
    receiver = await startWebhookReceiver();
    const broken = await createTestApp({
      allowPrivateWebhooks: true,
      servers: [
        {
          name: 'broken',
          description: 'a resolution server whose database is down',
          execute: () => Promise.reject(new AllotError('STORE_FAILURE', 'the database is down')),
        },
      ],
    });
    try {
      const created = await broken.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: broken.auth(broken.adminKey),
        payload: { url: receiver.url, events: ['job.failed'] },
      });
      receiver.setSecret((created.json() as { secret: string }).secret);
      const executed = await broken.app.inject({
        method: 'POST',
        url: '/api/v1/jobs',
        headers: broken.auth(broken.adminKey),
        payload: {
          tests: [{ pool: 'shop', suite: 's', test: 't' }],
          server: 'broken',
          waitMs: 5000,
        },
      });
      const jobId = (executed.json() as { id: number }).id;
      const [delivery] = await receiver.waitFor(1);
      expect(delivery?.verdict).toBe('ok');
      expect(JSON.parse(delivery?.body ?? '')).toMatchObject({
        kind: 'job.failed',
        subject: `job:${jobId}`,
        data: { job: jobId, error: { code: 'STORE_FAILURE' } },
      });
    } finally {
      await broken.close();
    }
  });

  test('the OpenAPI document lists the webhook and queue routes', async () => {
    receiver = await startWebhookReceiver();
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/webhooks',
        'POST /api/v1/webhooks',
        'GET /api/v1/webhooks/{id}',
        'PATCH /api/v1/webhooks/{id}',
        'DELETE /api/v1/webhooks/{id}',
        'POST /api/v1/webhooks/{id}/test',
        'GET /api/v1/webhooks/{id}/deliveries',
        'GET /api/v1/queue',
        'GET /api/v1/queue/{id}',
        'POST /api/v1/queue/{id}/cancel',
      ]),
    );
  });

  test('refuses loopback and private URLs unless the server allows them, at creation and at delivery', async () => {
    receiver = await startWebhookReceiver();
    const strict = await buildApp({ store: t.store, logLevel: 'silent', rateLimit: false });
    try {
      for (const url of [receiver.url, receiver.url.replace('127.0.0.1', 'localhost')]) {
        const refused = await strict.inject({
          method: 'POST',
          url: '/api/v1/webhooks',
          headers: t.auth(t.adminKey),
          payload: { url, events: ['job.completed'] },
        });
        expect(refused.statusCode, url).toBe(400);
        expect(refused.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'body.url' });
      }
      // Made where private URLs are allowed, then delivered where they are not: as when a
      // name resolves to a public address at creation and to a private one later.
      const webhook = await create(['job.completed'], {
        url: receiver.url.replace('127.0.0.1', 'localhost'),
      });
      const ping = await strict.inject({
        method: 'POST',
        url: `/api/v1/webhooks/${webhook.id}/test`,
        headers: t.auth(t.adminKey),
      });
      const { queuedJobId } = ping.json() as { queuedJobId: string };
      const read = async () =>
        (
          await strict.inject({
            method: 'GET',
            url: `/api/v1/queue/${queuedJobId}`,
            headers: t.auth(t.adminKey),
          })
        ).json() as { attempts: number; error: { message: string } | null };
      const job = await until(read, (body) => body.attempts >= 1 && body.error !== null, 'refusal');
      expect(job.error?.message).toMatch(/loopback, private or link-local/);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  test('bad input answers 400 naming the field, unknown ids 404, other roles 403', async () => {
    receiver = await startWebhookReceiver();
    const bad = async (payload: object, field: string) => {
      const response = await admin('POST', '/api/v1/webhooks', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().field).toBe(field);
    };
    await bad({ events: ['job.completed'] }, 'body.url');
    await bad({ url: receiver.url, events: ['job.exploded'] }, 'body.events[0]');
    await bad({ url: receiver.url, events: [] }, 'body.events');
    await bad({ url: 'ftp://example.com/', events: ['job.completed'] }, 'body.url');
    await bad({ url: receiver.url, events: ['job.completed'], secret: 'short' }, 'body.secret');
    await bad({ url: 'http://no-such-host.invalid/', events: ['job.completed'] }, 'body.url');
    expect((await admin('GET', '/api/v1/webhooks')).json().items).toHaveLength(0);

    const webhook = await create(['job.completed']);
    const patched = await admin('PATCH', `/api/v1/webhooks/${webhook.id}`, {
      events: ['job.failed', 'job.completed'],
      active: false,
    });
    expect(patched.json()).toMatchObject({
      id: webhook.id,
      events: ['job.completed', 'job.failed'],
      active: false,
    });
    expect(
      (await admin('PATCH', `/api/v1/webhooks/${webhook.id}`, { url: 'nope' })).json(),
    ).toMatchObject({ code: 'INVALID_INPUT', field: 'body.url' });

    for (const [method, path] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/test'],
      ['GET', '/deliveries'],
    ] as const) {
      const missing = await admin(method, `/api/v1/webhooks/0123456789abcdef01234567${path}`, {});
      expect(missing.statusCode, `${method} ${path}`).toBe(404);
    }
    const tester = await t.keyWithRole('tester');
    expect((await as(tester, 'GET', '/api/v1/webhooks')).statusCode).toBe(403);
    expect((await as(tester, 'POST', `/api/v1/webhooks/${webhook.id}/test`)).statusCode).toBe(403);

    // Another workspace sees none of it.
    const other = await createTestApp({}, t.store);
    try {
      const elsewhere = await other.app.inject({
        method: 'GET',
        url: `/api/v1/webhooks/${webhook.id}`,
        headers: other.auth(other.adminKey),
      });
      expect(elsewhere.statusCode).toBe(404);
    } finally {
      await other.close();
    }

    expect((await admin('DELETE', `/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(204);
    expect((await admin('GET', `/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(404);
  });

  test('the queue lists, reads and cancels jobs of the workspace only, by role', async () => {
    receiver = await startWebhookReceiver();
    const { queue } = (await import('../app-context.js')).contextOf(t.app);
    const id = await queue.enqueue(t.workspace, 'nobody-runs-this', { n: 1 });
    const viewer = await t.keyWithRole('viewer');
    const listed = (await as(viewer, 'GET', '/api/v1/queue?state=queued')).json();
    expect(listed).toMatchObject({ total: 1, items: [{ id, state: 'queued', payload: { n: 1 } }] });
    expect((await as(viewer, 'GET', `/api/v1/queue/${id}`)).json()).toMatchObject({ id });
    expect((await as(viewer, 'POST', `/api/v1/queue/${id}/cancel`)).statusCode).toBe(403);
    expect((await admin('GET', '/api/v1/queue?state=sleeping')).json().field).toBe(
      'querystring.state',
    );
    expect((await admin('GET', '/api/v1/queue/not-a-job')).statusCode).toBe(404);
    const other = await createTestApp({}, t.store);
    try {
      const response = await other.app.inject({
        method: 'GET',
        url: `/api/v1/queue/${id}`,
        headers: other.auth(other.adminKey),
      });
      expect(response.statusCode).toBe(404);
    } finally {
      await other.close();
    }
    const manager = await t.keyWithRole('manager');
    const cancelled = await as(manager, 'POST', `/api/v1/queue/${id}/cancel`);
    expect(cancelled.json()).toMatchObject({ id, state: 'cancelled' });
  });
});
