import type {
  AuditEvent,
  CatalogueDelete,
  CatalogueLockRequest,
  CatalogueName,
  CataloguePut,
  CatalogueQuery,
  CatalogueRecord,
  CatalogueUnlockRequest,
  DatasetChange,
  DatasetJournal,
  DatasetRecord,
  NewDataset,
  VariableRecord,
  EventQuery,
  EventRecord,
  MadeRowFilter,
  MadeRowRecord,
  MadeRowRef,
  NewEvent,
  NewMadeRow,
  QuotaTake,
  RowRef,
  TeardownOutcome,
  NewProject,
  NotificationQuery,
  NotificationRecord,
  Page,
  ProjectJournal,
  ProjectRecord,
  RecordJournal,
  VariableJournal,
  DatasetFill,
  DatasetFillResult,
} from '@allot/core';
import * as auditLog from './audit-log.js';
import * as datasets from './dataset-records.js';
import * as eventLog from './event-log.js';
import { fillDatasets } from './fill-datasets.js';
import * as madeRows from './made-rows.js';
import * as notifications from './notifications.js';
import type { PoolQueries } from './pool-queries.js';
import { PostgresCatalogue } from './postgres-catalogue.js';
import * as projects from './project-records.js';

/**
 * The slices of the PostgreSQL store that are plain statements over the
 * pool, with no cache to share: the audit and event logs, notifications,
 * projects, the catalogue, and made rows' lifecycle with the make quotas. {@link PostgresStore} extends it.
 */
export abstract class PostgresRecords {
  readonly #db: PoolQueries;
  readonly #catalogue: PostgresCatalogue;

  protected constructor(db: PoolQueries) {
    this.#db = db;
    this.#catalogue = new PostgresCatalogue(db);
  }

  appendAudit(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent> {
    return auditLog.appendAudit(this.#db, event);
  }

  listAudit(workspace: string, page: Page): Promise<AuditEvent[]> {
    return auditLog.listAudit(this.#db, workspace, page);
  }

  appendEvent(event: NewEvent, notify?: readonly string[]): Promise<EventRecord> {
    return eventLog.appendEvent(this.#db, event, notify);
  }

  listEvents(query: EventQuery): Promise<EventRecord[]> {
    return eventLog.listEvents(this.#db, query);
  }

  listNotifications(query: NotificationQuery): Promise<NotificationRecord[]> {
    return notifications.listNotifications(this.#db, query);
  }

  getNotification(workspace: string, user: string, id: number) {
    return notifications.getNotification(this.#db, { workspace, user, id });
  }

  countUnreadNotifications(workspace: string, user: string): Promise<number> {
    return notifications.countUnreadNotifications(this.#db, workspace, user);
  }

  markNotificationsRead(workspace: string, user: string, now: Date, ids?: readonly number[]) {
    return notifications.markNotificationsRead(this.#db, { workspace, user, now, ids });
  }

  deleteNotification(workspace: string, user: string, id: number): Promise<boolean> {
    return notifications.deleteNotification(this.#db, workspace, user, id);
  }

  createProject(project: NewProject, journal?: ProjectJournal): Promise<ProjectRecord> {
    return projects.createProject(this.#db, project, journal);
  }

  getProject(workspace: string, id: number): Promise<ProjectRecord | undefined> {
    return projects.getProject(this.#db, workspace, id);
  }

  findProject(workspace: string, name: string, version: string) {
    return projects.findProject(this.#db, workspace, name, version);
  }

  listProjects(workspace: string, page: Page): Promise<ProjectRecord[]> {
    return projects.listProjects(this.#db, workspace, page);
  }

  updateProject(
    workspace: string,
    id: number,
    change: (current: ProjectRecord) => ProjectRecord,
    journal?: ProjectJournal,
  ): Promise<ProjectRecord> {
    return projects.updateProject(this.#db, { workspace, id }, change, journal);
  }

  deleteProject(workspace: string, id: number, journal?: ProjectJournal): Promise<boolean> {
    return projects.deleteProject(this.#db, workspace, id, journal);
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

  recordMadeRows(rows: readonly NewMadeRow[], now: Date): Promise<void> {
    return madeRows.recordMadeRows(this.#db, rows, now);
  }

  holdMadeRows(
    workspace: string,
    jobId: number,
    rows: readonly RowRef[],
    expiresAt: string,
    now: Date,
  ): Promise<void> {
    return madeRows.holdMadeRows(this.#db, { workspace, jobId, rows, expiresAt, now });
  }

  dueMadeRows(workspace: string, jobId: number, rows: readonly RowRef[] | null, now: Date) {
    return madeRows.dueMadeRows(this.#db, { workspace, jobId, rows, now });
  }

  dueExpiredMadeRows(now: Date): Promise<MadeRowRecord[]> {
    return madeRows.dueExpiredMadeRows(this.#db, now);
  }

  queueDueMadeRows(limit: number, now: Date): Promise<MadeRowRecord[]> {
    return madeRows.queueDueMadeRows(this.#db, limit, now);
  }

  startTeardown(row: MadeRowRef, staleBefore: Date, now: Date) {
    return madeRows.startTeardown(this.#db, row, staleBefore, now);
  }

  finishTeardown(row: MadeRowRef, outcome: TeardownOutcome, now: Date): Promise<MadeRowRecord> {
    return madeRows.finishTeardown(this.#db, row, outcome, now);
  }

  listMadeRows(workspace: string, filter: MadeRowFilter, page: Page): Promise<MadeRowRecord[]> {
    return madeRows.listMadeRows(this.#db, workspace, filter, page);
  }

  takeQuota(bucket: string, limit: number, windowMs: number, now: Date): Promise<QuotaTake> {
    return madeRows.takeQuota(this.#db, { bucket, limit, windowMs, now });
  }

  addDataset(dataset: NewDataset, journal?: DatasetJournal): Promise<DatasetRecord> {
    return datasets.addDataset(this.#db, dataset, journal);
  }

  getDataset(workspace: string, id: number): Promise<DatasetRecord | undefined> {
    return datasets.getDataset(this.#db, workspace, id);
  }

  listDatasets(workspace: string, project: number, page: Page): Promise<DatasetRecord[]> {
    return datasets.listDatasets(this.#db, workspace, project, page);
  }

  countDatasets(workspace: string, project: number): Promise<number> {
    return datasets.countDatasets(this.#db, workspace, project);
  }

  updateDataset(
    workspace: string,
    id: number,
    change: DatasetChange,
    journal?: DatasetJournal,
  ): Promise<DatasetRecord> {
    return datasets.updateDataset(this.#db, { workspace, id }, change, journal);
  }

  fillDatasets(
    fill: DatasetFill,
    journal?: RecordJournal<DatasetFillResult>,
  ): Promise<DatasetFillResult> {
    return fillDatasets(this.#db, fill, journal);
  }

  deleteDataset(workspace: string, id: number, journal?: DatasetJournal): Promise<boolean> {
    return datasets.deleteDataset(this.#db, workspace, id, journal);
  }

  addVariable(
    workspace: string,
    project: number,
    name: string,
    journal?: VariableJournal,
  ): Promise<VariableRecord> {
    return datasets.addVariable(this.#db, { workspace, project }, name, journal);
  }

  getVariable(workspace: string, id: number): Promise<VariableRecord | undefined> {
    return datasets.getVariable(this.#db, workspace, id);
  }

  listVariables(workspace: string, project: number): Promise<VariableRecord[]> {
    return datasets.listVariables(this.#db, workspace, project);
  }

  renameVariable(
    workspace: string,
    id: number,
    name: string,
    journal?: VariableJournal,
  ): Promise<VariableRecord> {
    return datasets.renameVariable(this.#db, { workspace, id }, name, journal);
  }

  deleteVariable(workspace: string, id: number, journal?: VariableJournal): Promise<boolean> {
    return datasets.deleteVariable(this.#db, workspace, id, journal);
  }
}
