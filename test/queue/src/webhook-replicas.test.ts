import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '@allot/core';
import { childEnv } from '@allot/test-support/child-env';
import { testPostgresUrl, withClient } from '@allot/test-support/postgres';

const POSTGRES_URL = testPostgresUrl('webhook deliveries across server replicas');
const REPLICA = fileURLToPath(new URL('./server-replica.mjs', import.meta.url));
const schema = `allot_test_${randomBytes(6).toString('hex')}`;
const SECRET = 'the-receivers-shared-secret';

interface Replica {
  child: ChildProcess;
  url: string;
  adminKey: string | null;
  pid: number;
}

const children: ChildProcess[] = [];

async function startReplica(): Promise<Replica> {
  const store = new URL(POSTGRES_URL);
  store.searchParams.set('schema', schema);
  const child = fork(REPLICA, [], {
    env: childEnv({ ALLOT_REPLICA_STORE: store.toString() }),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  const [started] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`a replica exited with ${String(code)} before it listened`);
    }),
  ])) as [Omit<Replica, 'child'>];
  return { child, ...started };
}

interface Received {
  body: string;
  delivery: string | undefined;
  verdict: string;
}

/** A receiver that fails the first delivery, hangs on the second, and accepts the rest. */
async function startReceiver() {
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => request.headers[name] as string | undefined;
      const verdict = verifyWebhook(SECRET, {
        body,
        signature: header(SIGNATURE_HEADER),
        timestamp: header(TIMESTAMP_HEADER),
      });
      received.push({ body, delivery: header('x-allot-delivery'), verdict });
      if (verdict !== 'ok') response.writeHead(401).end();
      else if (received.length === 1) response.writeHead(500).end();
      else if (received.length === 2) hanging.push(response);
      else response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/allot`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} never happened: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;

describe('webhook deliveries across server replicas on PostgreSQL', () => {
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await receiver?.close();
    await withClient(POSTGRES_URL, (client) =>
      client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE;
                    DROP SCHEMA IF EXISTS "${schema}_queue" CASCADE`),
    );
  });

  it('retries a failed delivery, reads it from the other replica, and finishes it there when the one sending it is killed', async () => {
    receiver = await startReceiver();
    // A first, alone, so it makes the workspace and prints the admin key; then B.
    const a = await startReplica();
    const b = await startReplica();
    const key = a.adminKey ?? '';
    expect(key).not.toBe('');
    expect(b.adminKey).toBeNull();
    const call = async (replica: Replica, method: string, path: string, body?: object) => {
      const response = await fetch(`${replica.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    const created = await call(a, 'POST', '/api/v1/webhooks', {
      url: receiver.url,
      events: ['job.completed'],
      secret: SECRET,
    });
    expect(created.status).toBe(201);
    // Made on A, pinged through B: both read one catalogue.
    const ping = await call(b, 'POST', `/api/v1/webhooks/${String(created.body.id)}/test`);
    expect(ping.status).toBe(202);
    const jobId = String(ping.body.queuedJobId);

    // The first attempt got a 500; the second is now hanging at the receiver.
    await until(
      async () => receiver?.received.length ?? 0,
      (count) => count >= 2,
      'the second attempt reaching the receiver',
    );
    const { rows } = await withClient(POSTGRES_URL, (client) =>
      client.query<{ worker: string }>(`SELECT worker FROM "${schema}".queued_jobs WHERE id = $1`, [
        jobId,
      ]),
    );
    const worker = rows[0]?.worker ?? '';
    const [sending, other] = worker.endsWith(`:${a.pid}`) ? [a, b] : [b, a];
    expect(worker.endsWith(`:${sending.pid}`)).toBe(true);

    const seen = await call(other, 'GET', `/api/v1/queue/${jobId}`);
    expect(seen.body).toMatchObject({ kind: 'webhook-delivery', state: 'running', attempts: 2 });

    sending.child.kill('SIGKILL');
    await once(sending.child, 'exit');

    const finished = await until(
      async () => (await call(other, 'GET', `/api/v1/queue/${jobId}`)).body,
      (job) => job.state === 'completed',
      'the other replica finishing the delivery',
    );
    expect(finished).toMatchObject({ attempts: 3, error: null });

    const received = receiver.received;
    expect(received).toHaveLength(3);
    expect(received.map((delivery) => delivery.verdict)).toEqual(['ok', 'ok', 'ok']);
    expect(new Set(received.map((delivery) => delivery.delivery)).size).toBe(1);
    expect(JSON.parse(received[2]?.body ?? '')).toMatchObject({ kind: 'ping' });

    // Attempt 2 died with its replica before it could log; 1 and 3 are in the log.
    const log = await call(other, 'GET', `/api/v1/webhooks/${String(created.body.id)}/deliveries`);
    const items = log.body.items as Array<{ attempt: number; status: number; ok: boolean }>;
    expect(items.map((item) => [item.attempt, item.status, item.ok])).toEqual([
      [1, 500, false],
      [3, 204, true],
    ]);
  }, 90_000);
});
