import type { FindClass } from './find-classes.js';
import { censusRows, type Gathered } from './gather-in-store.js';
import { describeShortfall } from './explain.js';
import type { JobRun } from './job-run.js';
import type { BlockClaims } from './scan-candidates.js';

/**
 * Why each short class's tests got no rows. The census reads the rows the
 * store gathered and the rows held by key when it can, else the whole block.
 */
export async function shortfalls(
  run: JobRun,
  classes: FindClass[],
  state: {
    claimsOf: (block: string) => BlockClaims;
    gathered: Map<FindClass, Gathered>;
    matched: Map<FindClass, number>;
  },
): Promise<Map<FindClass, string>> {
  const reasons = new Map<FindClass, string>();
  await Promise.all(
    classes.map(async (cls) => {
      const claims = state.claimsOf(cls.source.block.block);
      const rows = cls.source.isRead
        ? undefined
        : await censusRows(cls, state.gathered.get(cls), claims, run);
      if (rows === undefined) await cls.source.read();
      reasons.set(cls, describeShortfall(cls, claims, state.matched.get(cls) ?? 0, rows));
    }),
  );
  return reasons;
}
