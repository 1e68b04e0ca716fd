import {
  isSqlMake,
  type LifecycleStore,
  type MakeHooks,
  type NewMadeRow,
  type Quota,
  type QuotaGate,
  type QuotaRule,
} from '@allot/core';
import { createHash } from 'node:crypto';

/** Who the rows a {@link lifecycleHooks} records belong to. */
export interface LifecycleHooksInput {
  store: Pick<LifecycleStore, 'recordMadeRows'>;
  workspace: string;
  /** The job making the rows; null for rows made ahead of demand. */
  jobId: number | null;
  /** When the job's leases lapse (ISO); null for rows made ahead. */
  expiresAt: string | null;
  gate: QuotaGate | undefined;
  /** The resolution server's name and own quota, for the makes that insert there. */
  serverName?: string | undefined;
  serverQuota?: Quota | undefined;
  clock: () => Date;
}

/**
 * The hooks a job's makes run through: each row waits for the quotas of
 * its server and of its make, and each made row with a teardown (or made
 * ahead) is recorded at once, so it is torn down even when its job never
 * commits.
 */
export function lifecycleHooks(input: LifecycleHooksInput): MakeHooks {
  return {
    permit: (ref, make, onWait) => {
      const rules: QuotaRule[] = [];
      if (input.serverQuota !== undefined && isSqlMake(make) && input.serverName !== undefined) {
        rules.push({
          bucket: `server:${input.serverName}`,
          quota: input.serverQuota,
          label: `resolution server "${input.serverName}"`,
        });
      }
      if (make.quota !== undefined) {
        rules.push({
          bucket: `make:${input.workspace}:${makeId(make)}`,
          quota: make.quota,
          label: `the make of ${ref.pool}/${ref.suite}/${ref.test}`,
        });
      }
      if (rules.length === 0 || input.gate === undefined) return Promise.resolve(() => undefined);
      return input.gate.acquire(rules, onWait);
    },
    made: async (made) => {
      const teardown = made.make.keep === true ? null : (made.make.teardown ?? null);
      // Rows a job made with nothing to tear down need no record; rows made ahead are counted.
      if (teardown === null && input.jobId !== null) return;
      const rows: NewMadeRow[] = made.values.map((values) => ({
        workspace: input.workspace,
        ...made.ref,
        block: made.block,
        key: String(values[made.keyIndex]),
        columns: made.columns,
        values,
        server: made.server,
        teardown,
        origin: input.jobId === null ? 'top-up' : 'make',
        jobId: input.jobId,
        expiresAt: input.expiresAt,
      }));
      await input.store.recordMadeRows(rows, input.clock());
    },
  };
}

/** Makes with the same definition share a quota, whichever tests declare them. */
function makeId(make: object): string {
  return createHash('sha256').update(JSON.stringify(make)).digest('hex').slice(0, 16);
}
