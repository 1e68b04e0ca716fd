import type { EventRecord, NewEvent } from '../events/event-record.js';
import type { NewProject, ProjectRecord } from '../projects/project-record.js';
import type { Page } from './page.js';

/**
 * The event a project write records in the same atomic write: a project is
 * never created, changed or deleted without its event, nor an event
 * recorded for a write that did not happen. Built from the project as
 * written (a new project's id is known only inside the write; a deleted one
 * as it was).
 */
export interface ProjectJournal {
  event(project: ProjectRecord): NewEvent;
  /** Users to notify of the event. */
  notify?(project: ProjectRecord): readonly string[];
  /** Told the stored event once the write has committed. */
  recorded?(event: EventRecord): void;
}

/**
 * The projects slice of the {@link Store}: the projects of each workspace,
 * numbered per workspace. Name and version are unique in a workspace; ids
 * are never reused.
 */
export interface ProjectStore {
  /**
   * Stores a new project with the next id of its workspace, its `Default`
   * dataset (numbered by the workspace's dataset counter) and the journal's
   * event, in one atomic write: no project is ever seen without its
   * Default dataset.
   *
   * @throws {@link AllotError} `ALREADY_EXISTS` when the workspace has a project of this name and version.
   */
  createProject(project: NewProject, journal?: ProjectJournal): Promise<ProjectRecord>;
  getProject(workspace: string, id: number): Promise<ProjectRecord | undefined>;
  /** The project of this name and version label. */
  findProject(workspace: string, name: string, version: string): Promise<ProjectRecord | undefined>;
  /** By id, one page of them. */
  listProjects(workspace: string, page: Page): Promise<ProjectRecord[]>;
  /**
   * Changes a project atomically: `change` gets the current record and
   * returns the new one (same id and workspace); two changes at once take
   * turns, so neither is lost. When `change` throws, nothing is written.
   * The journal's event is written with the change.
   *
   * @throws {@link AllotError} `NOT_FOUND` when the workspace has no project of this id.
   * @throws {@link AllotError} `ALREADY_EXISTS` when the new name and version are another project's.
   */
  updateProject(
    workspace: string,
    id: number,
    change: (current: ProjectRecord) => ProjectRecord,
    journal?: ProjectJournal,
  ): Promise<ProjectRecord>;
  /** True when the project existed; the journal's event is written with the delete, only then. */
  deleteProject(workspace: string, id: number, journal?: ProjectJournal): Promise<boolean>;
}
