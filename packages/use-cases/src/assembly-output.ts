import { AllotError, type WorkQueue } from '@allot/core';
import { DATA_ASSEMBLY_KIND } from './request-assembly.js';

/**
 * The data block version the latest completed assembly of a workset
 * version wrote: what TDO's Alight download (1.7) reads. `NOT_FOUND` when
 * that version was never assembled.
 */
export async function assemblyOutput(
  queue: WorkQueue,
  workspace: string,
  workset: { projectId: number; name: string; version: string },
): Promise<{ block: string; version: string }> {
  let latest: { at: string; block: string; version: string } | undefined;
  for (let offset = 0; ; offset += 200) {
    const page = await queue.list(
      workspace,
      { kind: DATA_ASSEMBLY_KIND, state: 'completed' },
      { offset, limit: 200 },
    );
    for (const job of page.jobs) {
      const payload = job.payload as Record<string, unknown> | null;
      const result = job.result as Record<string, unknown> | null;
      if (
        payload?.projectId !== workset.projectId ||
        payload.worksetName !== workset.name ||
        payload.worksetVersion !== workset.version ||
        typeof result?.block !== 'string' ||
        typeof result.version !== 'string'
      )
        continue;
      const at = job.finishedAt ?? job.updatedAt;
      if (latest === undefined || at > latest.at)
        latest = { at, block: result.block, version: result.version };
    }
    if (page.jobs.length < 200) break;
  }
  if (latest === undefined)
    throw new AllotError(
      'NOT_FOUND',
      `workset "${workset.name}" ${workset.version} has no completed data assembly: request one first`,
    );
  return { block: latest.block, version: latest.version };
}
