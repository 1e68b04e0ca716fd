import { readFile } from 'node:fs/promises';

/** The work queue's SQL operations: one file each under `sql/queue/`. */
export const QUEUE_OPERATIONS = [
  'beat',
  'cancel',
  'claim',
  'count',
  'finish',
  'get',
  'insert',
  'list',
  'lose',
] as const;

/** One of {@link QUEUE_OPERATIONS}. */
export type QueueOperation = (typeof QUEUE_OPERATIONS)[number];

/** The text of every queue operation. */
export type QueueSql = Record<QueueOperation, string>;

// The store's own `sql/` directory, so that a bundle copying it carries these files too.
const DIR = new URL('../../sql/', import.meta.url);

/** Reads the queue's SQL files once, at open. */
export async function loadQueueSql(): Promise<QueueSql> {
  const entries = await Promise.all(
    QUEUE_OPERATIONS.map(
      async (operation) =>
        [operation, await readFile(new URL(`queue/${operation}.sql`, DIR), 'utf8')] as const,
    ),
  );
  return Object.fromEntries(entries) as QueueSql;
}
