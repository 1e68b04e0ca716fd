import { openMemoryStore, type Store } from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { takeTopUpTurn, type TurnClock } from './top-up-pool.js';

/** A clock whose timers fire `early` ms before they are due (never less than 1 ms on). */
function fakeClock(start: number, early = 0): TurnClock & { at: number; slept: number[] } {
  const clock = {
    at: start,
    slept: [] as number[],
    now: () => clock.at,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.at += Math.max(1, ms - early);
    },
  };
  return clock;
}

describe('a pool top-up takes its turn', () => {
  const bucket = 'top-up:default:users';
  const window = 200;
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });

  it('takes a free window at once', async () => {
    const clock = fakeClock(1_000_010);
    expect(await takeTopUpTurn(store, bucket, window, clock)).toBe(true);
    expect(clock.slept).toEqual([]);
  });

  it('waits out the guarded end of a window, even when timers fire early', async () => {
    // 190 ms into a 200 ms window: the store refuses any take there.
    const clock = fakeClock(1_000_190, 2);
    expect(await takeTopUpTurn(store, bucket, window, clock)).toBe(true);
    expect(clock.at).toBeGreaterThanOrEqual(1_000_200);
  });

  it('takes the next window when this one is used, through a late timer into its guarded end', async () => {
    expect(await store.takeQuota(bucket, 1, window, new Date(1_000_010))).toEqual({
      granted: true,
    });
    // The timer fires 170 ms late, in the next window's guarded end.
    const clock = fakeClock(1_000_020);
    const late: TurnClock = {
      now: clock.now,
      sleep: async (ms) => {
        clock.at += ms + (clock.slept.push(ms) === 1 ? 170 : 0);
      },
    };
    expect(await takeTopUpTurn(store, bucket, window, late)).toBe(true);
    expect(clock.at).toBeGreaterThanOrEqual(1_000_400);
  });

  it('gives way when another replica takes the next window too', async () => {
    await store.takeQuota(bucket, 1, window, new Date(1_000_010));
    const clock = fakeClock(1_000_020);
    const other: TurnClock = {
      now: clock.now,
      sleep: async (ms) => {
        clock.at += ms;
        // Another replica's top-up begins first in the next window.
        await store.takeQuota(bucket, 1, window, new Date(clock.at));
      },
    };
    expect(await takeTopUpTurn(store, bucket, window, other)).toBe(false);
  });
});
