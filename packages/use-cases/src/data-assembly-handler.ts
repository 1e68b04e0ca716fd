import {
  AllotError,
  WORKSET_KIND,
  runAssembly,
  type AssemblyOutcome,
  type JsonValue,
  type QueueHandler,
  type Store,
} from '@allot/core';
import { coveragePrimaryDataSet } from './coverage-primary-data-set.js';
import type { EventLog } from './event-log.js';
import type { DataAssemblyPayload } from './request-assembly.js';

/** Row errors an assembly's event keeps; the count is always whole. */
export const MAX_REPORTED_ROW_ERRORS = 1000;

/** What the handler needs. */
export interface DataAssemblyDeps {
  store: Store;
  events: EventLog;
  clock: () => Date;
  /** How long assembled rows stay leased; the engine's default when omitted. */
  ttlSeconds?: number;
}

/**
 * The work-queue handler of data assemblies: runs the assembly, records an
 * `assembly.completed` (or `assembly.failed`) event with the counts and the
 * row errors, and unlocks the workset whatever happened. Its result is what
 * the progress route shows once the work is done.
 */
export function dataAssemblyHandler(
  deps: DataAssemblyDeps,
): QueueHandler<DataAssemblyPayload, JsonValue> {
  return async (work) => {
    const payload = work.payload;
    const project = await deps.store.getProject(work.workspace, payload.projectId);
    const workset = await deps.store.getCatalogueById(
      work.workspace,
      payload.worksetId,
      payload.worksetVersion,
    );
    const subject = `workset:${payload.worksetId}`;
    const base = {
      workspace: work.workspace,
      actor: payload.actor,
      ip: payload.ip,
      project: payload.projectId,
      subject,
    };
    const names = {
      projectName: project?.name ?? null,
      projectVersion: project?.version ?? null,
      workset: payload.worksetName,
      worksetVersion: payload.worksetVersion,
      assemblyId: work.id,
    };
    try {
      if (project === undefined || workset === undefined || workset.kind !== WORKSET_KIND)
        throw new AllotError(
          'NOT_FOUND',
          `workset ${payload.worksetName} ${payload.worksetVersion} no longer exists`,
        );
      const outcome: AssemblyOutcome = await runAssembly(deps.store, {
        workspace: work.workspace,
        project: String(project.id),
        workset,
        assemblyId: work.id,
        clock: deps.clock,
        primaryDataSet: coveragePrimaryDataSet(deps.store, project),
        ...(deps.ttlSeconds === undefined ? {} : { ttlSeconds: deps.ttlSeconds }),
        onProgress: (done, total, message) => work.progress(done, total, message),
      });
      const result = {
        ...names,
        block: outcome.block,
        version: outcome.version,
        jobId: outcome.jobId,
        rowsToGenerate: outcome.rowsToGenerate,
        rowsGenerated: outcome.rowsGenerated,
        rowsWithErrors: outcome.rowsWithErrors,
        errors: outcome.errors.slice(0, MAX_REPORTED_ROW_ERRORS).map((e) => ({ ...e })),
      };
      await deps.events.record({
        ...base,
        kind: 'assembly.completed',
        at: deps.clock().toISOString(),
        details: result,
      });
      return result as unknown as JsonValue;
    } catch (error) {
      await deps.events.record({
        ...base,
        kind: 'assembly.failed',
        at: deps.clock().toISOString(),
        details: {
          ...names,
          error: error instanceof Error ? error.message : String(error),
        },
      });
      throw error;
    } finally {
      if (workset !== undefined)
        await deps.store
          .unlockCatalogue(
            work.workspace,
            payload.worksetId,
            { holder: payload.user, force: true },
            deps.clock(),
          )
          .catch(() => undefined);
    }
  };
}
