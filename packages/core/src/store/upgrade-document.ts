import { addDefaultDatasetToDraft } from './default-dataset.js';
import type { StoreDocument, WorkspaceDocument } from './store-document.js';

/** A workspace as schema version 3 kept it: no catalogue. */
type Version3Workspace = Omit<WorkspaceDocument, 'catalogue'>;

/** A workspace as schema versions 1 and 2 kept it: ids came from store-wide counters. */
type LegacyWorkspace = Omit<Version3Workspace, 'lastIds'>;

/** A document of schema version 3: workspaces without a catalogue. */
export interface Version3Document extends Omit<StoreDocument, 'schemaVersion' | 'workspaces'> {
  schemaVersion: 3;
  workspaces: Record<string, Version3Workspace>;
}

/** A document of schema version 1 or 2. */
export interface LegacyDocument extends Omit<StoreDocument, 'schemaVersion' | 'workspaces'> {
  schemaVersion: 1 | 2;
  nextJobId: number;
  nextAuditId: number;
  workspaces: Record<string, LegacyWorkspace>;
}

/** A document as any schema version wrote it. */
export type AnyDocument = StoreDocument | Version3Document | LegacyDocument;

/**
 * The current form of a saved document. Version 4 gave each workspace a
 * catalogue (empty in an upgraded document). A project without its
 * `Default` dataset (created before a project's create wrote one) gets it.
 *
 * Versions 1 and 2 numbered jobs and audit events store-wide, so one
 * workspace could read the pace of another's work from its ids; version 3
 * counts per workspace. Existing ids stay as they are: CI runs, results
 * files, made rows (`{{job.id}}`) and the audit log name them. A workspace
 * that has jobs (or audit events) counts on from the highest id the
 * store-wide counter had reached, so no id a client may still hold is
 * handed out again; a workspace without any starts at 1.
 */
export function upgradeDocument(document: AnyDocument): StoreDocument {
  return withDefaultDatasets(toVersion4(document));
}

function toVersion4(document: AnyDocument): StoreDocument {
  if (document.schemaVersion === 4) return document;
  const version3 = document.schemaVersion === 3 ? document : countPerWorkspace(document);
  const workspaces: Record<string, WorkspaceDocument> = {};
  for (const [id, ws] of Object.entries(version3.workspaces))
    workspaces[id] = { ...ws, catalogue: {} };
  return { ...version3, schemaVersion: 4, workspaces };
}

/**
 * Projects created before a project's create wrote its Default dataset get
 * theirs here, on opening, in project order (the document itself when none
 * lacks one), so that no read has to write it. The store rewrites a
 * changed document whole on its first save.
 */
function withDefaultDatasets(document: StoreDocument): StoreDocument {
  let draft: StoreDocument | undefined;
  for (const [workspace, ws] of Object.entries(document.workspaces)) {
    const withDefault = new Set(
      Object.values(ws.datasets ?? {})
        .filter((d) => d.isDefault)
        .map((d) => d.project),
    );
    const lacking = Object.values(ws.projects ?? {})
      .map((p) => p.id)
      .filter((id) => !withDefault.has(id))
      .sort((a, b) => a - b);
    for (const project of lacking) {
      draft ??= { ...document, workspaces: { ...document.workspaces } };
      addDefaultDatasetToDraft(draft, workspace, project);
    }
  }
  return draft ?? document;
}

function countPerWorkspace(document: LegacyDocument): Version3Document {
  const { nextJobId, nextAuditId, workspaces, ...rest } = document;
  let lastJob = nextJobId - 1;
  for (const ws of Object.values(workspaces))
    for (const job of Object.values(ws.jobs)) lastJob = Math.max(lastJob, job.id);
  let lastAudit = nextAuditId - 1;
  for (const ws of Object.values(workspaces))
    for (const event of ws.audit) lastAudit = Math.max(lastAudit, event.id);
  const upgraded: Record<string, Version3Workspace> = {};
  for (const [id, ws] of Object.entries(workspaces)) {
    upgraded[id] = {
      ...ws,
      lastIds: {
        job: Object.keys(ws.jobs).length > 0 ? lastJob : 0,
        audit: ws.audit.length > 0 ? lastAudit : 0,
      },
    };
  }
  return { ...rest, schemaVersion: 3, workspaces: upgraded };
}
