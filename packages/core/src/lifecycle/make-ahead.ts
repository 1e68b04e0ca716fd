import { randomBytes } from 'node:crypto';
import { executeJob } from '../engine/execute-job.js';
import { classifyTests, type Resolved } from '../engine/find-classes.js';
import type { MakeHooks } from '../engine/make-hooks.js';
import type { ResolutionDatabase } from '../engine/resolution-database.js';
import { resolveTests } from '../engine/resolve-tests.js';
import { runMakes } from '../engine/run-makes.js';
import type { TestRef } from '../model/job-record.js';
import type { TopUp } from '../model/pool-definition.js';
import type { BlockStore, JobStore, PoolStore } from '../store/store.js';

/** What {@link makeAhead} is asked: one test of a pool whose find has watermarks. */
export interface MakeAheadInput {
  store: BlockStore & PoolStore & JobStore;
  workspace: string;
  ref: TestRef;
  /** The resolution server of a SQL find and make. */
  server?: ResolutionDatabase;
  /** Quotas and the record of the rows made (as rows made ahead, held by no job). */
  hooks?: MakeHooks;
  /** Names the made rows' run in templates (`{{run.namespace}}`). */
  namespace: string;
  /** Seeds the make; default random, so each top-up makes new values. */
  seed?: string;
  clock?: () => Date;
}

/** What a top-up of one find found and did. */
export interface MadeAhead extends TestRef {
  topUp: TopUp | null;
  /** Free qualifying rows before the top-up. */
  free: number;
  made: number;
  /** Why rows could not be made (a quota, a failed insert); null when all were. */
  error: string | null;
}

/**
 * Tops a find up to its high watermark when its free qualifying rows fell
 * below the low one: counts them as a dry run would, then runs the test's
 * make for the difference, outside any job, so the rows wait free in the
 * pool (data block rows join the block as a new version).
 */
export async function makeAhead(input: MakeAheadInput): Promise<MadeAhead> {
  const { store, workspace, ref } = input;
  const clock = input.clock ?? (() => new Date());
  const [resolved] = await resolveTests(store, workspace, [ref]);
  const none = { ...ref, topUp: null, free: 0, made: 0 };
  if (resolved === undefined || resolved.error !== null) {
    return { ...none, error: resolved?.error ?? 'no such test' };
  }
  const topUp = resolved.test.topUp ?? null;
  if (topUp === null || resolved.test.make === undefined) return { ...none, error: null };
  const report = await executeJob(store, {
    tests: [ref],
    workspace,
    dryRun: true,
    clock,
    ...(input.server === undefined ? {} : { server: input.server }),
  });
  const free = report.forecast[0]?.free ?? 0;
  const base = { ...ref, topUp, free, made: 0 };
  if (free >= topUp.low) return { ...base, error: null };
  const count = topUp.high - free;
  const item: Resolved = { ...resolved, test: { ...resolved.test, count } };
  const { classes, errors } = await classifyTests(store, workspace, [item], input.server);
  const cls = classes[0];
  if (cls === undefined) return { ...base, error: errors.get(item) ?? 'the find cannot be read' };
  const outcome = await runMakes(
    {
      store,
      workspace,
      jobId: 'ahead',
      namespace: input.namespace,
      // Each top-up its own seed: generated values (emails, names) must not repeat the last one's.
      seed: input.seed ?? randomBytes(8).toString('hex'),
      server: input.server,
      hooks: input.hooks,
    },
    [{ item, cls }],
  );
  for (const version of outcome.versions) await store.addBlockVersion(workspace, version);
  const made = outcome.rows.get(item)?.values.length ?? 0;
  return { ...base, made, error: outcome.errors.get(item) ?? null };
}
