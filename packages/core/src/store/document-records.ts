import type {
  CatalogueDelete,
  CatalogueLockRequest,
  CatalogueName,
  CataloguePut,
  CatalogueQuery,
  CatalogueRecord,
  CatalogueUnlockRequest,
} from '../catalogue/catalogue-record.js';
import type { EventQuery, EventRecord, NewEvent } from '../events/event-record.js';
import type { NotificationQuery, NotificationRecord } from '../events/notification-record.js';
import type { AuditEvent } from '../model/audit-event.js';
import type { NewProject, ProjectRecord } from '../projects/project-record.js';
import type {
  MadeRowFilter,
  MadeRowRecord,
  NewMadeRow,
  TeardownOutcome,
} from '../lifecycle/made-row-record.js';
import type { QuotaTake } from '../lifecycle/quota-window.js';
import type { RowRef } from '../model/job-record.js';
import type {
  DatasetChange,
  DatasetFill,
  DatasetFillResult,
  DatasetRecord,
  NewDataset,
  VariableRecord,
} from '../datasets/dataset-record.js';
import type {
  DatasetJournal,
  DatasetStore,
  RecordJournal,
  VariableJournal,
} from './dataset-store.js';
import type { CatalogueStore } from './catalogue-store.js';
import { DocumentCatalogue } from './document-catalogue.js';
import type { DocumentPersistence } from './document-persistence.js';
import { DocumentDatasets } from './document-datasets.js';
import { DocumentEvents } from './document-events.js';
import { DocumentLifecycle } from './document-lifecycle.js';
import type { LifecycleStore, MadeRowRef } from './lifecycle-store.js';
import { DocumentProjects } from './document-projects.js';
import type { EventStore } from './event-store.js';
import type { Mutex } from './mutex.js';
import type { NotificationStore } from './notification-store.js';
import type { Page } from './page.js';
import type { ProjectJournal, ProjectStore } from './project-store.js';
import type { SavedDocument } from './saved-document.js';

/**
 * The slices of the document store that only hand over to their own
 * classes (projects, the event log, notifications, made rows and quotas,
 * datasets, the catalogue), as a base of {@link DocumentStore}: they share
 * its document and mutex.
 */
export class DocumentRecords
  implements
    ProjectStore,
    EventStore,
    NotificationStore,
    LifecycleStore,
    DatasetStore,
    CatalogueStore
{
  readonly #events: DocumentEvents;
  readonly #projects: DocumentProjects;
  readonly #lifecycle: DocumentLifecycle;
  readonly #datasets: DocumentDatasets;
  readonly #catalogue: DocumentCatalogue;

  constructor(saved: SavedDocument, mutex: Mutex, persistence?: DocumentPersistence) {
    this.#events = new DocumentEvents(saved, mutex);
    this.#projects = new DocumentProjects(saved, mutex);
    this.#lifecycle = new DocumentLifecycle(saved, mutex);
    this.#datasets = new DocumentDatasets(saved, mutex);
    this.#catalogue = new DocumentCatalogue(saved, mutex, persistence);
  }

  addDataset(dataset: NewDataset, journal?: DatasetJournal): Promise<DatasetRecord> {
    return this.#datasets.addDataset(dataset, journal);
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

  updateDataset(
    workspace: string,
    id: number,
    change: DatasetChange,
    journal?: DatasetJournal,
  ): Promise<DatasetRecord> {
    return this.#datasets.updateDataset(workspace, id, change, journal);
  }

  fillDatasets(
    fill: DatasetFill,
    journal?: RecordJournal<DatasetFillResult>,
  ): Promise<DatasetFillResult> {
    return this.#datasets.fillDatasets(fill, journal);
  }

  deleteDataset(workspace: string, id: number, journal?: DatasetJournal): Promise<boolean> {
    return this.#datasets.deleteDataset(workspace, id, journal);
  }

  addVariable(
    workspace: string,
    project: number,
    name: string,
    journal?: VariableJournal,
  ): Promise<VariableRecord> {
    return this.#datasets.addVariable(workspace, project, name, journal);
  }

  getVariable(workspace: string, id: number): Promise<VariableRecord | undefined> {
    return this.#datasets.getVariable(workspace, id);
  }

  listVariables(workspace: string, project: number): Promise<VariableRecord[]> {
    return this.#datasets.listVariables(workspace, project);
  }

  renameVariable(
    workspace: string,
    id: number,
    name: string,
    journal?: VariableJournal,
  ): Promise<VariableRecord> {
    return this.#datasets.renameVariable(workspace, id, name, journal);
  }

  deleteVariable(workspace: string, id: number, journal?: VariableJournal): Promise<boolean> {
    return this.#datasets.deleteVariable(workspace, id, journal);
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

  createProject(project: NewProject, journal?: ProjectJournal): Promise<ProjectRecord> {
    return this.#projects.createProject(project, journal);
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
    journal?: ProjectJournal,
  ): Promise<ProjectRecord> {
    return this.#projects.updateProject(workspace, id, change, journal);
  }

  deleteProject(workspace: string, id: number, journal?: ProjectJournal): Promise<boolean> {
    return this.#projects.deleteProject(workspace, id, journal);
  }

  recordMadeRows(rows: readonly NewMadeRow[], now: Date): Promise<void> {
    return this.#lifecycle.recordMadeRows(rows, now);
  }

  holdMadeRows(
    workspace: string,
    jobId: number,
    rows: readonly RowRef[],
    expiresAt: string,
    now: Date,
  ): Promise<void> {
    return this.#lifecycle.holdMadeRows(workspace, jobId, rows, expiresAt, now);
  }

  dueMadeRows(workspace: string, jobId: number, rows: readonly RowRef[] | null, now: Date) {
    return this.#lifecycle.dueMadeRows(workspace, jobId, rows, now);
  }

  dueExpiredMadeRows(now: Date): Promise<MadeRowRecord[]> {
    return this.#lifecycle.dueExpiredMadeRows(now);
  }

  queueDueMadeRows(limit: number, now: Date): Promise<MadeRowRecord[]> {
    return this.#lifecycle.queueDueMadeRows(limit, now);
  }

  startTeardown(row: MadeRowRef, staleBefore: Date, now: Date) {
    return this.#lifecycle.startTeardown(row, staleBefore, now);
  }

  finishTeardown(row: MadeRowRef, outcome: TeardownOutcome, now: Date): Promise<MadeRowRecord> {
    return this.#lifecycle.finishTeardown(row, outcome, now);
  }

  listMadeRows(workspace: string, filter: MadeRowFilter, page: Page): Promise<MadeRowRecord[]> {
    return this.#lifecycle.listMadeRows(workspace, filter, page);
  }

  takeQuota(bucket: string, limit: number, windowMs: number, now: Date): Promise<QuotaTake> {
    return this.#lifecycle.takeQuota(bucket, limit, windowMs, now);
  }

  putCatalogue(put: CataloguePut, now: Date): Promise<CatalogueRecord> {
    return this.#catalogue.putCatalogue(put, now);
  }

  getCatalogueById(workspace: string, id: string, version?: string) {
    return this.#catalogue.getCatalogueById(workspace, id, version);
  }

  getCatalogueByName(name: CatalogueName, version?: string) {
    return this.#catalogue.getCatalogueByName(name, version);
  }

  listCatalogue(query: CatalogueQuery): Promise<CatalogueRecord[]> {
    return this.#catalogue.listCatalogue(query);
  }

  lockCatalogue(workspace: string, id: string, request: CatalogueLockRequest, now: Date) {
    return this.#catalogue.lockCatalogue(workspace, id, request, now);
  }

  unlockCatalogue(workspace: string, id: string, request: CatalogueUnlockRequest, now: Date) {
    return this.#catalogue.unlockCatalogue(workspace, id, request, now);
  }

  deleteCatalogue(target: CatalogueDelete, now: Date): Promise<number> {
    return this.#catalogue.deleteCatalogue(target, now);
  }
}
