import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMemoryWorkQueue, type WorkQueue } from '@allot/core';
import { openLowdbWorkQueue } from '@allot/store-lowdb';
import { openPostgresWorkQueue } from '@allot/store-postgres/work-queue';
import { testPostgresUrl, withClient } from '@allot/test-support/postgres';
import { describeWorkQueueContract } from './work-queue-contract.js';

describeWorkQueueContract('memory', () => openMemoryWorkQueue());

describeWorkQueueContract('lowdb', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'allot-queue-contract-'));
  const queue = await openLowdbWorkQueue(dir);
  const close = queue.close.bind(queue);
  let removed: Promise<void> | undefined;
  return Object.assign(queue, {
    // Every call closes the queue itself (a test closes twice); the directory goes once.
    close: async () => {
      await close();
      await (removed ??= rm(dir, { recursive: true, force: true }));
    },
  });
});

const POSTGRES_URL = testPostgresUrl('postgres work queue contract');

describeWorkQueueContract('postgres', async () => {
  const schema = `allot_test_${randomBytes(6).toString('hex')}`;
  const queue: WorkQueue = await openPostgresWorkQueue(POSTGRES_URL, {
    schema,
    pollingIntervalSeconds: 0.5,
    heartbeatMs: 100,
  });
  const close = queue.close.bind(queue);
  let dropped: Promise<unknown> | undefined;
  return Object.assign(queue, {
    // Every call closes the queue itself (a test closes twice); the schemas go once.
    close: async () => {
      await close();
      await (dropped ??= withClient(POSTGRES_URL, (client) =>
        client.query(`DROP SCHEMA "${schema}" CASCADE; DROP SCHEMA "${schema}_queue" CASCADE`),
      ));
    },
  });
});
