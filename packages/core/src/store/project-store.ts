import type { NewProject, ProjectRecord } from '../projects/project-record.js';
import type { Page } from './page.js';

/**
 * The projects slice of the {@link Store}: the projects of each workspace,
 * numbered per workspace. Name and version are unique in a workspace; ids
 * are never reused.
 */
export interface ProjectStore {
  /**
   * Stores a new project with the next id of its workspace.
   *
   * @throws {@link AllotError} `ALREADY_EXISTS` when the workspace has a project of this name and version.
   */
  createProject(project: NewProject): Promise<ProjectRecord>;
  getProject(workspace: string, id: number): Promise<ProjectRecord | undefined>;
  /** The project of this name and version label. */
  findProject(workspace: string, name: string, version: string): Promise<ProjectRecord | undefined>;
  /** By id, one page of them. */
  listProjects(workspace: string, page: Page): Promise<ProjectRecord[]>;
  /**
   * Changes a project atomically: `change` gets the current record and
   * returns the new one (same id and workspace); two changes at once take
   * turns, so neither is lost. When `change` throws, nothing is written.
   *
   * @throws {@link AllotError} `NOT_FOUND` when the workspace has no project of this id.
   * @throws {@link AllotError} `ALREADY_EXISTS` when the new name and version are another project's.
   */
  updateProject(
    workspace: string,
    id: number,
    change: (current: ProjectRecord) => ProjectRecord,
  ): Promise<ProjectRecord>;
  /** True when the project existed. */
  deleteProject(workspace: string, id: number): Promise<boolean>;
}
