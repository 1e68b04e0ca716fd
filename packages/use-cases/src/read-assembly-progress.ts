import {
  AllotError,
  WORKSET_KIND,
  type ProjectRecord,
  type QueuedJob,
  type Store,
  type WorkQueue,
} from '@allot/core';
import { recordById } from './assembly-catalogue.js';
import { DATA_ASSEMBLY_KIND } from './request-assembly.js';

/** How far the latest assembly of a workset is. */
export interface AssemblyProgress {
  worksetId: string;
  assemblyId: string;
  state: QueuedJob['state'];
  /** 0 to 100; 100 once done. */
  progress: number;
  rowsGenerated: number;
  rowsToGenerate: number;
  /** The block version written, once done. */
  block: string | null;
  version: string | null;
  rowsWithErrors: number | null;
  error: string | null;
}

/**
 * The progress of the latest assembly of a workset: percent, rows generated
 * and rows to generate. `NOT_FOUND` for an unknown workset or one never
 * assembled. With `project`, the workset must be of that project.
 */
export async function readAssemblyProgress(
  store: Store,
  queue: WorkQueue,
  workspace: string,
  worksetId: string,
  project?: ProjectRecord,
): Promise<AssemblyProgress> {
  if (project !== undefined) await recordById(store, project, WORKSET_KIND, worksetId);
  const job = await latestAssembly(queue, workspace, worksetId);
  if (job === undefined)
    throw new AllotError('NOT_FOUND', `workset "${worksetId}" has no data assembly`, {
      field: 'worksetId',
    });
  const result = (job.result ?? {}) as Record<string, unknown>;
  const done = job.state === 'completed';
  const total = done ? Number(result.rowsToGenerate ?? 0) : (job.progress?.total ?? 0);
  const generated = done ? Number(result.rowsGenerated ?? 0) : (job.progress?.done ?? 0);
  return {
    worksetId,
    assemblyId: job.id,
    state: job.state,
    progress: done ? 100 : total === 0 ? 0 : Math.min(99, Math.floor((generated / total) * 100)),
    rowsGenerated: generated,
    rowsToGenerate: total,
    block: done ? String(result.block) : null,
    version: done ? String(result.version) : null,
    rowsWithErrors: done ? Number(result.rowsWithErrors ?? 0) : null,
    error: job.error?.message ?? null,
  };
}

async function latestAssembly(
  queue: WorkQueue,
  workspace: string,
  worksetId: string,
): Promise<QueuedJob | undefined> {
  let latest: QueuedJob | undefined;
  for (let offset = 0; ; offset += 200) {
    const page = await queue.list(workspace, { kind: DATA_ASSEMBLY_KIND }, { offset, limit: 200 });
    for (const job of page.jobs) {
      const payload = job.payload as { worksetId?: unknown } | null;
      if (payload?.worksetId !== worksetId) continue;
      if (latest === undefined || job.createdAt > latest.createdAt) latest = job;
    }
    if (page.jobs.length < 200) return latest;
  }
}
