import type { EventQuery, EventRecord, NewEvent } from '../events/event-record.js';
import type { NotificationQuery, NotificationRecord } from '../events/notification-record.js';
import type { AuditEvent } from '../model/audit-event.js';
import type { NewProject, ProjectRecord } from '../projects/project-record.js';
import type {
  DatasetChange,
  DatasetRecord,
  NewDataset,
  VariableRecord,
} from '../datasets/dataset-record.js';
import type { DatasetStore } from './dataset-store.js';
import { DocumentDatasets } from './document-datasets.js';
import { DocumentEvents } from './document-events.js';
import { DocumentProjects } from './document-projects.js';
import type { EventStore } from './event-store.js';
import type { Mutex } from './mutex.js';
import type { NotificationStore } from './notification-store.js';
import type { Page } from './page.js';
import type { ProjectStore } from './project-store.js';
import type { SavedDocument } from './saved-document.js';

/**
 * The slices of the document store that only hand over to their own
 * classes (projects, the event log, notifications), as a base of
 * {@link DocumentStore}: they share its document and mutex.
 */
export class DocumentRecords implements ProjectStore, EventStore, NotificationStore, DatasetStore {
  readonly #events: DocumentEvents;
  readonly #projects: DocumentProjects;
  readonly #datasets: DocumentDatasets;

  constructor(saved: SavedDocument, mutex: Mutex) {
    this.#events = new DocumentEvents(saved, mutex);
    this.#projects = new DocumentProjects(saved, mutex);
    this.#datasets = new DocumentDatasets(saved, mutex);
  }

  ensureDefaultDataset(workspace: string, project: number): Promise<number> {
    return this.#datasets.ensureDefaultDataset(workspace, project);
  }

  addDataset(dataset: NewDataset): Promise<DatasetRecord> {
    return this.#datasets.addDataset(dataset);
  }

  getDataset(workspace: string, id: number): Promise<DatasetRecord | undefined> {
    return this.#datasets.getDataset(workspace, id);
  }

  listDatasets(workspace: string, project: number, page: Page): Promise<DatasetRecord[]> {
    return this.#datasets.listDatasets(workspace, project, page);
  }

  countDatasets(workspace: string, project: number): Promise<number> {
    return this.#datasets.countDatasets(workspace, project);
  }

  updateDataset(workspace: string, id: number, change: DatasetChange): Promise<DatasetRecord> {
    return this.#datasets.updateDataset(workspace, id, change);
  }

  deleteDataset(workspace: string, id: number): Promise<boolean> {
    return this.#datasets.deleteDataset(workspace, id);
  }

  addVariable(workspace: string, project: number, name: string): Promise<VariableRecord> {
    return this.#datasets.addVariable(workspace, project, name);
  }

  getVariable(workspace: string, id: number): Promise<VariableRecord | undefined> {
    return this.#datasets.getVariable(workspace, id);
  }

  listVariables(workspace: string, project: number): Promise<VariableRecord[]> {
    return this.#datasets.listVariables(workspace, project);
  }

  renameVariable(workspace: string, id: number, name: string): Promise<VariableRecord> {
    return this.#datasets.renameVariable(workspace, id, name);
  }

  deleteVariable(workspace: string, id: number): Promise<boolean> {
    return this.#datasets.deleteVariable(workspace, id);
  }

  appendEvent(event: NewEvent, notify?: readonly string[]): Promise<EventRecord> {
    return this.#events.appendEvent(event, notify);
  }

  listEvents(query: EventQuery): Promise<EventRecord[]> {
    return this.#events.listEvents(query);
  }

  appendAudit(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent> {
    return this.#events.appendAudit(event);
  }

  listAudit(workspace: string, page: Page): Promise<AuditEvent[]> {
    return this.#events.listAudit(workspace, page);
  }

  listNotifications(query: NotificationQuery): Promise<NotificationRecord[]> {
    return this.#events.listNotifications(query);
  }

  getNotification(workspace: string, user: string, id: number) {
    return this.#events.getNotification(workspace, user, id);
  }

  countUnreadNotifications(workspace: string, user: string): Promise<number> {
    return this.#events.countUnreadNotifications(workspace, user);
  }

  markNotificationsRead(workspace: string, user: string, now: Date, ids?: readonly number[]) {
    return this.#events.markNotificationsRead(workspace, user, now, ids);
  }

  deleteNotification(workspace: string, user: string, id: number): Promise<boolean> {
    return this.#events.deleteNotification(workspace, user, id);
  }

  createProject(project: NewProject): Promise<ProjectRecord> {
    return this.#projects.createProject(project);
  }

  getProject(workspace: string, id: number): Promise<ProjectRecord | undefined> {
    return this.#projects.getProject(workspace, id);
  }

  findProject(workspace: string, name: string, version: string) {
    return this.#projects.findProject(workspace, name, version);
  }

  listProjects(workspace: string, page: Page): Promise<ProjectRecord[]> {
    return this.#projects.listProjects(workspace, page);
  }

  updateProject(
    workspace: string,
    id: number,
    change: (current: ProjectRecord) => ProjectRecord,
  ): Promise<ProjectRecord> {
    return this.#projects.updateProject(workspace, id, change);
  }

  deleteProject(workspace: string, id: number): Promise<boolean> {
    return this.#projects.deleteProject(workspace, id);
  }
}
