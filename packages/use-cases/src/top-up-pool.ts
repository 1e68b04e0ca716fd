import { randomBytes } from 'node:crypto';
import {
  lateInWindow,
  makeAhead,
  type MadeAhead,
  type Quota,
  type QuotaGate,
  type QuotaTake,
  type ResolutionDatabase,
  type Store,
} from '@allot/core';
import { lifecycleHooks } from './lifecycle-hooks.js';

/** The queue kind of a pool's top-up. */
export const TOP_UP_KIND = 'top-up';

/** A resolution server a top-up may make rows on. */
export interface TopUpServer {
  database: ResolutionDatabase;
  quota?: Quota | undefined;
}

/** What {@link topUpPool} needs besides the store. */
export interface TopUpInput {
  workspace: string;
  pool: string;
  /** The resolution servers by name, for SQL finds' `topUp.server`. */
  server: (name: string) => TopUpServer | undefined;
  gate: QuotaGate | undefined;
  clock: () => Date;
  /**
   * One top-up of a pool per this many milliseconds across replicas (the
   * store's quota counts them, in real time), so replicas woken together
   * do not all make the same rows.
   */
  everyMs: number;
}

/**
 * Makes rows ahead of demand for every test of a pool with watermarks: a
 * find whose free qualifying rows fell below its low watermark gets rows
 * made, within the quotas, until its high watermark. Returns one entry per
 * such test; empty when another replica topped the pool up just now.
 */
export async function topUpPool(store: Store, input: TopUpInput): Promise<MadeAhead[]> {
  const pool = await store.getPool(input.workspace, input.pool);
  const tests = pool?.tests.filter((test) => test.topUp !== undefined) ?? [];
  if (pool === undefined || tests.length === 0) return [];
  const turn = await takeTopUpTurn(store, `top-up:${input.workspace}:${pool.name}`, input.everyMs);
  if (!turn) return [];
  const outcomes: MadeAhead[] = [];
  for (const test of tests) {
    const ref = { pool: pool.name, suite: test.suite, test: test.test };
    const serverName = test.topUp?.server;
    const server = serverName === undefined ? undefined : input.server(serverName);
    if (serverName !== undefined && server === undefined) {
      outcomes.push({
        ...ref,
        topUp: test.topUp ?? null,
        free: 0,
        made: 0,
        error: `resolution server "${serverName}" of the top-up is not registered`,
      });
      continue;
    }
    const hooks = lifecycleHooks({
      store,
      workspace: input.workspace,
      jobId: null,
      expiresAt: null,
      gate: input.gate,
      serverName,
      serverQuota: server?.quota,
      clock: input.clock,
    });
    outcomes.push(
      await makeAhead({
        store,
        workspace: input.workspace,
        ref,
        hooks,
        namespace: `ahead-${randomBytes(4).toString('hex')}`,
        clock: input.clock,
        ...(server === undefined ? {} : { server: server.database }),
      }),
    );
  }
  return outcomes;
}

/** Real time and a timer, replaceable in tests. */
export interface TurnClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const REAL_TIME: TurnClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Takes the pool's one top-up per `everyMs`. When another replica has
 * taken this window's, waits for the next window and tries once more: a
 * second refusal means another replica began a top-up after this one was
 * queued, so it sees what this one would. A take that would fall in a
 * window's guarded end waits for the next window first (the store would
 * refuse it whoever held the window), so a late timer or a busy machine
 * never turns into a skipped top-up.
 */
export async function takeTopUpTurn(
  store: Pick<Store, 'takeQuota'>,
  bucket: string,
  everyMs: number,
  clock: TurnClock = REAL_TIME,
): Promise<boolean> {
  const take = async (): Promise<QuotaTake> => {
    for (;;) {
      const now = new Date(clock.now());
      const late = lateInWindow(now, everyMs);
      if (late === null) return store.takeQuota(bucket, 1, everyMs, now);
      await clock.sleep(late.getTime() - now.getTime() + 1);
    }
  };
  const first = await take();
  if (first.granted) return true;
  await clock.sleep(Math.max(0, first.retryAt.getTime() - clock.now()) + 1);
  return (await take()).granted;
}
