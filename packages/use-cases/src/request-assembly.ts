import {
  WORKSET_KIND,
  type CatalogueRecord,
  type ProjectRecord,
  type Store,
  type WorkQueue,
} from '@allot/core';
import { projectKey, recordByName } from './assembly-catalogue.js';

/** The work-queue kind of a data assembly. */
export const DATA_ASSEMBLY_KIND = 'data-assembly';

/** How long an assembly's lock on its workset lasts if the process running it dies. */
export const ASSEMBLY_LOCK_SECONDS = 3600;

/** What a queued data assembly carries. */
export interface DataAssemblyPayload {
  [key: string]: string | number | null;
  projectId: number;
  worksetId: string;
  worksetName: string;
  worksetVersion: string;
  /** Who asked: holds the workset's lock, and is named in the assembly's event. */
  user: string;
  actor: string;
  ip: string | null;
}

/** A queued assembly: the workset it assembles and the queued job. */
export interface AssemblyRequest {
  workset: CatalogueRecord;
  /** The work-queue job id. */
  assemblyId: string;
}

/**
 * Asks for the assembly of a workset version: locks the workset to the
 * caller (so no one changes it, and no second assembly starts, while it
 * runs) and queues the work. `CATALOGUE_LOCKED` naming the holder when the
 * workset is locked already; `NOT_FOUND` for an unknown workset or version.
 */
export async function requestAssembly(
  store: Store,
  queue: WorkQueue,
  request: {
    project: ProjectRecord;
    workset: string;
    version: string;
    user: string;
    actor: string;
    ip: string | null;
    now: Date;
  },
): Promise<AssemblyRequest> {
  const { project } = request;
  const version = await recordByName(
    store,
    project,
    WORKSET_KIND,
    request.workset,
    request.version,
  );
  const locked = await store.lockCatalogue(
    project.workspace,
    version.id,
    { holder: request.user, timeoutSeconds: ASSEMBLY_LOCK_SECONDS },
    request.now,
  );
  const payload: DataAssemblyPayload = {
    projectId: project.id,
    worksetId: version.id,
    worksetName: version.name,
    worksetVersion: version.version,
    user: request.user,
    actor: request.actor,
    ip: request.ip,
  };
  try {
    const assemblyId = await queue.enqueue(project.workspace, DATA_ASSEMBLY_KIND, payload, {
      maxAttempts: 1,
    });
    return { workset: { ...version, lock: locked.lock, project: projectKey(project) }, assemblyId };
  } catch (error) {
    // Nothing queued: the lock must not outlive the request.
    await store.unlockCatalogue(
      project.workspace,
      version.id,
      { holder: request.user, force: true },
      request.now,
    );
    throw error;
  }
}
