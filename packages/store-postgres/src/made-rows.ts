import {
  AllotError,
  lateInWindow,
  takeFromWindow,
  windowStart,
  type MadeRowFilter,
  type MadeRowRecord,
  type MadeRowRef,
  type NewMadeRow,
  type Page,
  type QuotaTake,
  type RowRef,
  type TeardownOutcome,
} from '@allot/core';
import type { PoolQueries } from './pool-queries.js';

/** A row of `made_rows` as pg returns it. */
interface MadeRowRow {
  workspace: string;
  block: string;
  row_key: string;
  pool: string;
  suite: string;
  test: string;
  columns: MadeRowRecord['columns'];
  row_values: MadeRowRecord['values'];
  server: string | null;
  teardown: MadeRowRecord['teardown'];
  origin: MadeRowRecord['origin'];
  job_id: string | null;
  expires_at: Date | null;
  state: MadeRowRecord['state'];
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Records made rows; rows already recorded stay as they are. */
export async function recordMadeRows(
  db: PoolQueries,
  rows: readonly NewMadeRow[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((row) => ({
    workspace: row.workspace,
    block: row.block,
    row_key: row.key,
    pool: row.pool,
    suite: row.suite,
    test: row.test,
    columns: row.columns,
    row_values: row.values,
    server: row.server,
    // Left out rather than a JSON null, which would be stored as the jsonb value null.
    ...(row.teardown === null ? {} : { teardown: row.teardown }),
    origin: row.origin,
    job_id: row.jobId,
    expires_at: row.expiresAt,
  }));
  await db.query('record made rows', 'record-made-rows', { rows: JSON.stringify(json), now });
}

export async function holdMadeRows(
  db: PoolQueries,
  input: {
    workspace: string;
    jobId: number;
    rows: readonly RowRef[];
    expiresAt: string;
    now: Date;
  },
): Promise<void> {
  await db.query('hold made rows', 'hold-made-rows', {
    workspace: input.workspace,
    job_id: input.jobId,
    rows: refsJson(input.rows),
    expires_at: input.expiresAt,
    now: input.now,
  });
}

export async function dueMadeRows(
  db: PoolQueries,
  input: { workspace: string; jobId: number; rows: readonly RowRef[] | null; now: Date },
): Promise<MadeRowRecord[]> {
  const result = await db.query<MadeRowRow>('mark made rows due', 'due-made-rows', {
    workspace: input.workspace,
    job_id: input.jobId,
    all_rows: input.rows === null,
    rows: refsJson(input.rows ?? []),
    now: input.now,
  });
  return result.rows.map(recordOf);
}

export async function dueExpiredMadeRows(db: PoolQueries, now: Date): Promise<MadeRowRecord[]> {
  const result = await db.query<MadeRowRow>('mark lapsed made rows due', 'due-expired-made-rows', {
    now,
  });
  return result.rows.map(recordOf);
}

export async function queueDueMadeRows(
  db: PoolQueries,
  limit: number,
  now: Date,
): Promise<MadeRowRecord[]> {
  const result = await db.query<MadeRowRow>('queue due teardowns', 'queue-due-made-rows', {
    limit,
    now,
  });
  return result.rows.map(recordOf);
}

export async function startTeardown(
  db: PoolQueries,
  row: MadeRowRef,
  staleBefore: Date,
  now: Date,
): Promise<MadeRowRecord | undefined> {
  const result = await db.query<MadeRowRow>('start a teardown', 'start-teardown', {
    workspace: row.workspace,
    block: row.block,
    row_key: row.key,
    stale_before: staleBefore,
    now,
  });
  const found = result.rows[0];
  return found === undefined ? undefined : recordOf(found);
}

export async function finishTeardown(
  db: PoolQueries,
  row: MadeRowRef,
  outcome: TeardownOutcome,
  now: Date,
): Promise<MadeRowRecord> {
  const result = await db.query<MadeRowRow>('finish a teardown', 'finish-teardown', {
    workspace: row.workspace,
    block: row.block,
    row_key: row.key,
    state: outcome.ok ? 'done' : 'failed',
    last_error: outcome.ok ? null : outcome.error,
    now,
  });
  const found = result.rows[0];
  if (found === undefined) {
    throw new AllotError(
      'INVALID_INPUT',
      `made row ${row.block} ${row.key} is not being torn down`,
    );
  }
  return recordOf(found);
}

export async function listMadeRows(
  db: PoolQueries,
  workspace: string,
  filter: MadeRowFilter,
  page: Page,
): Promise<MadeRowRecord[]> {
  const result = await db.query<MadeRowRow>('list made rows', 'list-made-rows', {
    workspace,
    state: filter.state ?? null,
    pool: filter.pool ?? null,
    origin: filter.origin ?? null,
    limit: page.limit,
    offset: page.offset,
  });
  return result.rows.map(recordOf);
}

export async function takeQuota(
  db: PoolQueries,
  input: { bucket: string; limit: number; windowMs: number; now: Date },
): Promise<QuotaTake> {
  const late = lateInWindow(input.now, input.windowMs);
  if (late !== null) return { granted: false, retryAt: late };
  const start = windowStart(input.now, input.windowMs);
  const result = await db.query<{ used: number }>('take a make quota', 'take-quota', {
    bucket: input.bucket,
    window_start: start,
    limit: input.limit,
  });
  if (result.rows.length > 0) return { granted: true };
  // Full: the answer is the same as the document store's for a full window.
  return takeFromWindow({ start, used: input.limit }, input.limit, input.windowMs, input.now).take;
}

function refsJson(rows: readonly RowRef[]): string {
  return JSON.stringify(rows.map((row) => ({ block: row.block, row_key: row.key })));
}

function recordOf(row: MadeRowRow): MadeRowRecord {
  return {
    workspace: row.workspace,
    pool: row.pool,
    suite: row.suite,
    test: row.test,
    block: row.block,
    key: row.row_key,
    columns: row.columns,
    values: row.row_values,
    server: row.server,
    teardown: row.teardown,
    origin: row.origin,
    jobId: row.job_id === null ? null : Number(row.job_id),
    expiresAt: row.expires_at === null ? null : row.expires_at.toISOString(),
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
