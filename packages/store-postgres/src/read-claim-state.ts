import { rowId, type ClaimState, type LeaseHolder } from '@allot/core';
import type { PoolQueries } from './pool-queries.js';

interface ClaimRow {
  kind: 'lease' | 'consumed';
  block: string;
  row_key: string;
  job_id: number;
  shared: boolean;
}

/** The live leases and consumed rows of some blocks at `now`, by row id, read in one statement. */
export async function readClaimState(
  db: PoolQueries,
  workspace: string,
  blocks: string[],
  now: Date,
): Promise<ClaimState> {
  const result = await db.query<ClaimRow>('read leases', 'claim-state', { workspace, blocks, now });
  const leases = new Map<string, LeaseHolder[]>();
  const consumed = new Map<string, number>();
  for (const row of result.rows) {
    const id = rowId(row.block, row.row_key);
    if (row.kind === 'consumed') {
      consumed.set(id, row.job_id);
      continue;
    }
    const holder = { jobId: row.job_id, shared: row.shared };
    const holders = leases.get(id);
    if (holders === undefined) leases.set(id, [holder]);
    else holders.push(holder);
  }
  return { leases, consumed };
}
