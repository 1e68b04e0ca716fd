import { isJobFinished, type JobStateRecord } from '../job-state-record.js';
import { draftWorkspace } from './draft-workspace.js';
import type { StoreDocument, WorkspaceDocument } from './store-document.js';

/** A job state by workspace and job id (the key of its map). */
export type JobStateKey = readonly [workspace: string, id: string];

/** The states of finished jobs last updated before a moment, in every workspace. */
export function staleJobStates(document: StoreDocument, before: Date): JobStateKey[] {
  const old = (state: JobStateRecord) =>
    isJobFinished(state) && Date.parse(state.updatedAt) < before.getTime();
  return Object.entries(document.workspaces).flatMap(([workspace, ws]) =>
    Object.entries(ws.jobStates ?? {})
      .filter(([, state]) => old(state))
      .map(([id]) => [workspace, id] as const),
  );
}

/** Deletes job states from a draft, copying each touched workspace's map once. */
export function dropJobStates(draft: StoreDocument, doomed: readonly JobStateKey[]): void {
  const touched = new Map<string, WorkspaceDocument>();
  for (const [workspace, id] of doomed) {
    let ws = touched.get(workspace);
    if (ws === undefined) {
      ws = draftWorkspace(draft, workspace, 'jobStates');
      touched.set(workspace, ws);
    }
    delete (ws.jobStates as Record<string, JobStateRecord>)[id];
  }
}
