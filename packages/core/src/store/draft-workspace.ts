import { emptyWorkspace, type StoreDocument, type WorkspaceDocument } from './store-document.js';

/** The maps of a workspace, each replaced as a whole when one of its records changes. */
export type WorkspaceMap = Exclude<keyof WorkspaceDocument, 'audit' | 'lastIds'>;

/**
 * A copy of a workspace in a draft, with fresh copies of the maps a change
 * writes to; the others stay the same objects, so saving the draft skips
 * them (see document-delta.ts).
 */
export function draftWorkspace(
  draft: StoreDocument,
  workspace: string,
  ...writes: WorkspaceMap[]
): WorkspaceDocument {
  const copy: WorkspaceDocument = { ...(draft.workspaces[workspace] ?? emptyWorkspace()) };
  for (const field of writes) (copy[field] as object) = { ...copy[field] };
  draft.workspaces[workspace] = copy;
  return copy;
}
