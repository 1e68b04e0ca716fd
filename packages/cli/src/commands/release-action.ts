import { DEFAULT_WORKSPACE, type ReleaseOutcome } from '@allot/core';
import { releaseJob, releaseTest, type JobRelease } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import { CommandFailure, UsageError } from '../exit-codes.js';
import { formatCount } from '../format-table.js';
import { withStore } from '../with-store.js';
import type { ReleaseOptions } from './release.js';

/** `allot release`: ends a job's leases, or one test's. */
export async function releaseAction(
  cli: CliContext,
  job: string | undefined,
  options: ReleaseOptions,
): Promise<void> {
  const target = parseTarget(job, options);
  const now = new Date();
  const outcome = await withStore(cli.store(), async (store) =>
    target.kind === 'job'
      ? outcomeOf(await releaseJob(store, DEFAULT_WORKSPACE, target.id, now))
      : releaseTest(store, DEFAULT_WORKSPACE, target.ref, now),
  );
  const what =
    target.kind === 'job'
      ? `job ${target.id}`
      : `${target.ref.pool}/${target.ref.suite}/${target.ref.test}`;
  cli.io.stdout.write(`${what}: ${describeOutcome(outcome)}\n`);
}

type Target =
  | { kind: 'job'; id: number }
  | { kind: 'test'; ref: { pool: string; suite: string; test: string } };

function parseTarget(job: string | undefined, options: ReleaseOptions): Target {
  const { pool, suite, test } = options;
  const anyTest = pool !== undefined || suite !== undefined || test !== undefined;
  if (job !== undefined) {
    if (anyTest)
      throw new UsageError('give either a job id or --pool, --suite and --test, not both');
    if (!/^\d+$/.test(job)) throw new UsageError(`the job id must be a whole number, got "${job}"`);
    return { kind: 'job', id: Number(job) };
  }
  if (pool === undefined || suite === undefined || test === undefined) {
    throw new UsageError('give a job id, or --pool, --suite and --test to release one test');
  }
  return { kind: 'test', ref: { pool, suite, test } };
}

/** A job a server still runs on the same store cannot be released yet. */
function outcomeOf(release: JobRelease): ReleaseOutcome {
  if (release.kind === 'running')
    throw new CommandFailure(`job ${release.id} is still running; release it when it has finished`);
  return release.kind === 'released' ? release.outcome : { released: 0, consumed: 0 };
}

function describeOutcome(outcome: ReleaseOutcome): string {
  const rows = (n: number) => `${formatCount(n)} row${n === 1 ? '' : 's'}`;
  const released = `released ${rows(outcome.released)}`;
  if (outcome.consumed === 0) return released;
  return `${released}; ${rows(outcome.consumed)} stay${outcome.consumed === 1 ? 's' : ''} consumed`;
}
