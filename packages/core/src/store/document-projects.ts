import { projectExistsError, projectNotFoundError } from '../projects/project-errors.js';
import type { EventRecord } from '../events/event-record.js';
import type { NewProject, ProjectRecord } from '../projects/project-record.js';
import { addDefaultDatasetToDraft } from './default-dataset.js';
import { appendEventToDraft } from './document-events.js';
import { draftWorkspace } from './draft-workspace.js';
import type { Mutex } from './mutex.js';
import { ownEntry, setOwnEntry } from './own-entry.js';
import type { Page } from './page.js';
import type { ProjectJournal, ProjectStore } from './project-store.js';
import type { SavedDocument } from './saved-document.js';
import type { StoreDocument, WorkspaceDocument } from './store-document.js';

/**
 * The projects of the document store. It shares the store's document and
 * mutex: the uniqueness check and the write of a change are one turn of
 * the mutex, so two creates of one name and version cannot both pass; and a
 * change and its journal's event are one save.
 */
export class DocumentProjects implements ProjectStore {
  readonly #saved: SavedDocument;
  readonly #mutex: Mutex;

  constructor(saved: SavedDocument, mutex: Mutex) {
    this.#saved = saved;
    this.#mutex = mutex;
  }

  createProject(project: NewProject, journal?: ProjectJournal): Promise<ProjectRecord> {
    return this.#mutex.run(async () => {
      this.#assertFree(project.workspace, project.name, project.version, undefined);
      const ws = this.#workspace(project.workspace);
      const stored: ProjectRecord = { ...project, id: (ws?.lastIds.project ?? 0) + 1 };
      await this.#save(stored, journal, (draft) => {
        const copy = draftWorkspace(draft, project.workspace, 'projects');
        setOwnEntry(copy.projects ?? {}, String(stored.id), stored);
        copy.lastIds = { ...copy.lastIds, project: stored.id };
        addDefaultDatasetToDraft(draft, project.workspace, stored.id);
      });
      return stored;
    });
  }

  getProject(workspace: string, id: number): Promise<ProjectRecord | undefined> {
    return Promise.resolve(ownEntry(this.#projects(workspace), String(id)));
  }

  findProject(
    workspace: string,
    name: string,
    version: string,
  ): Promise<ProjectRecord | undefined> {
    return Promise.resolve(this.#byName(workspace, name, version));
  }

  listProjects(workspace: string, page: Page): Promise<ProjectRecord[]> {
    const all = Object.values(this.#projects(workspace)).sort((a, b) => a.id - b.id);
    return Promise.resolve(all.slice(page.offset, page.offset + page.limit));
  }

  updateProject(
    workspace: string,
    id: number,
    change: (current: ProjectRecord) => ProjectRecord,
    journal?: ProjectJournal,
  ): Promise<ProjectRecord> {
    return this.#mutex.run(async () => {
      const current = ownEntry(this.#projects(workspace), String(id));
      if (current === undefined) throw projectNotFoundError(id);
      const next: ProjectRecord = { ...change(current), id, workspace };
      this.#assertFree(workspace, next.name, next.version, id);
      await this.#save(next, journal, (draft) => {
        setOwnEntry(draftWorkspace(draft, workspace, 'projects').projects ?? {}, String(id), next);
      });
      return next;
    });
  }

  deleteProject(workspace: string, id: number, journal?: ProjectJournal): Promise<boolean> {
    return this.#mutex.run(async () => {
      const current = ownEntry(this.#projects(workspace), String(id));
      if (current === undefined) return false;
      await this.#save(current, journal, (draft) => {
        // A project's datasets and variables go with it, as on PostgreSQL's cascade.
        const copy = draftWorkspace(draft, workspace, 'projects', 'datasets', 'variables');
        delete copy.projects?.[String(id)];
        for (const map of [copy.datasets, copy.variables]) {
          for (const [key, record] of Object.entries(map ?? {}))
            if (record.project === id) delete map?.[key];
        }
      });
      return true;
    });
  }

  /**
   * Saves a project write and its journal's event as one change of the
   * document: when building the event fails, or the save does, neither is
   * kept. Tells the journal the event once saved.
   */
  async #save(
    project: ProjectRecord,
    journal: ProjectJournal | undefined,
    write: (draft: StoreDocument) => void,
  ): Promise<void> {
    let recorded: EventRecord | undefined;
    await this.#saved.update((draft) => {
      write(draft);
      if (journal === undefined) return;
      const notify = journal.notify?.(project) ?? [];
      recorded = appendEventToDraft(draft, journal.event(project), notify).event;
    });
    if (recorded !== undefined) journal?.recorded?.(recorded);
  }

  #assertFree(workspace: string, name: string, version: string, self: number | undefined): void {
    const holder = this.#byName(workspace, name, version);
    if (holder !== undefined && holder.id !== self) throw projectExistsError(name, version);
  }

  #byName(workspace: string, name: string, version: string): ProjectRecord | undefined {
    return Object.values(this.#projects(workspace)).find(
      (p) => p.name === name && p.version === version,
    );
  }

  #projects(workspace: string): Record<string, ProjectRecord> {
    return this.#workspace(workspace)?.projects ?? {};
  }

  #workspace(workspace: string): WorkspaceDocument | undefined {
    return ownEntry(this.#saved.current.workspaces, workspace);
  }
}
