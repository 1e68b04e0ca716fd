import {
  datasetExistsError,
  datasetNotFoundError,
  variableExistsError,
  variableNotFoundError,
} from '../datasets/dataset-errors.js';
import {
  type DatasetChange,
  type DatasetFill,
  type DatasetFillResult,
  type DatasetRecord,
  type NewDataset,
  type VariableRecord,
} from '../datasets/dataset-record.js';
import type { EventRecord } from '../events/event-record.js';
import type {
  DatasetJournal,
  DatasetStore,
  RecordJournal,
  VariableJournal,
} from './dataset-store.js';
import { appendEventToDraft } from './document-events.js';
import { draftWorkspace } from './draft-workspace.js';
import type { Mutex } from './mutex.js';
import { ownEntry, setOwnEntry } from './own-entry.js';
import type { Page } from './page.js';
import type { SavedDocument } from './saved-document.js';
import type { StoreDocument, WorkspaceDocument } from './store-document.js';

/**
 * The datasets and variables of the document store. Uniqueness checks and
 * writes are one turn of the store's mutex, so two adds of one name cannot
 * both pass; a dataset or variable write and its journal's event are one save.
 */
export class DocumentDatasets implements DatasetStore {
  readonly #saved: SavedDocument;
  readonly #mutex: Mutex;

  constructor(saved: SavedDocument, mutex: Mutex) {
    this.#saved = saved;
    this.#mutex = mutex;
  }

  addDataset(dataset: NewDataset, journal?: DatasetJournal): Promise<DatasetRecord> {
    return this.#mutex.run(async () => {
      this.#assertNameFree(dataset.workspace, dataset.project, dataset.name, undefined);
      this.#assertVariables(dataset.workspace, dataset.project, dataset.values);
      return this.#insertDataset(dataset, journal);
    });
  }

  getDataset(workspace: string, id: number): Promise<DatasetRecord | undefined> {
    return Promise.resolve(ownEntry(this.#workspace(workspace)?.datasets ?? {}, String(id)));
  }

  listDatasets(workspace: string, project: number, page: Page): Promise<DatasetRecord[]> {
    const all = this.#datasetsOf(workspace, project);
    return Promise.resolve(all.slice(page.offset, page.offset + page.limit));
  }

  countDatasets(workspace: string, project: number): Promise<number> {
    return Promise.resolve(this.#datasetsOf(workspace, project).length);
  }

  updateDataset(
    workspace: string,
    id: number,
    change: DatasetChange,
    journal?: DatasetJournal,
  ): Promise<DatasetRecord> {
    return this.#mutex.run(async () => {
      const current = ownEntry(this.#workspace(workspace)?.datasets ?? {}, String(id));
      if (current === undefined) throw datasetNotFoundError(id);
      if (change.name !== undefined)
        this.#assertNameFree(workspace, current.project, change.name, id);
      this.#assertVariables(workspace, current.project, change.values ?? {});
      const next: DatasetRecord = {
        ...current,
        name: change.name ?? current.name,
        values: { ...current.values, ...change.values },
      };
      await this.#save(next, journal, (draft) => {
        setOwnEntry(draftWorkspace(draft, workspace, 'datasets').datasets ?? {}, String(id), next);
      });
      return next;
    });
  }

  fillDatasets(
    fill: DatasetFill,
    journal?: RecordJournal<DatasetFillResult>,
  ): Promise<DatasetFillResult> {
    return this.#mutex.run(async () => {
      const { workspace, project } = fill;
      const last = this.#workspace(workspace)?.lastIds;
      const ids = { variable: last?.variable ?? 0, dataset: last?.dataset ?? 0 };
      const variables = new Map(this.#variablesOf(workspace, project).map((v) => [v.name, v]));
      const datasets = new Map(this.#datasetsOf(workspace, project).map((d) => [d.name, d]));
      const result: DatasetFillResult = {
        workspace,
        project,
        created: [],
        updated: [],
        variablesAdded: [],
      };
      const written = new Map<number, DatasetRecord>();
      const added: VariableRecord[] = [];
      for (const entry of fill.datasets) {
        const values: Record<string, string> = {};
        for (const [name, value] of Object.entries(entry.values)) {
          let variable = variables.get(name);
          if (variable === undefined) {
            ids.variable += 1;
            variable = { id: ids.variable, workspace, project, name };
            variables.set(name, variable);
            added.push(variable);
            result.variablesAdded.push(name);
          }
          values[String(variable.id)] = value;
        }
        const same = datasets.get(entry.name);
        if (same === undefined) ids.dataset += 1;
        const next: DatasetRecord =
          same === undefined
            ? {
                id: ids.dataset ?? 0,
                workspace,
                project,
                name: entry.name,
                isDefault: false,
                values,
              }
            : { ...same, values: { ...same.values, ...values } };
        datasets.set(entry.name, next);
        written.set(next.id, next);
        (same === undefined ? result.created : result.updated).push(next.id);
      }
      await this.#save(result, journal, (draft) => {
        const copy = draftWorkspace(draft, workspace, 'variables', 'datasets');
        copy.variables ??= {};
        copy.datasets ??= {};
        for (const variable of added) setOwnEntry(copy.variables, String(variable.id), variable);
        for (const dataset of written.values())
          setOwnEntry(copy.datasets, String(dataset.id), dataset);
        copy.lastIds = { ...copy.lastIds, ...ids };
      });
      return result;
    });
  }

  deleteDataset(workspace: string, id: number, journal?: DatasetJournal): Promise<boolean> {
    return this.#mutex.run(async () => {
      const current = ownEntry(this.#workspace(workspace)?.datasets ?? {}, String(id));
      if (current === undefined) return false;
      await this.#save(current, journal, (draft) => {
        delete draftWorkspace(draft, workspace, 'datasets').datasets?.[String(id)];
      });
      return true;
    });
  }

  addVariable(
    workspace: string,
    project: number,
    name: string,
    journal?: VariableJournal,
  ): Promise<VariableRecord> {
    return this.#mutex.run(async () => {
      if (this.#variablesOf(workspace, project).some((v) => v.name === name))
        throw variableExistsError(name);
      const ws = this.#workspace(workspace);
      const stored: VariableRecord = {
        id: (ws?.lastIds.variable ?? 0) + 1,
        workspace,
        project,
        name,
      };
      await this.#save(stored, journal, (draft) => {
        const copy = draftWorkspace(draft, workspace, 'variables');
        copy.variables ??= {};
        setOwnEntry(copy.variables, String(stored.id), stored);
        copy.lastIds = { ...copy.lastIds, variable: stored.id };
      });
      return stored;
    });
  }

  getVariable(workspace: string, id: number): Promise<VariableRecord | undefined> {
    return Promise.resolve(ownEntry(this.#workspace(workspace)?.variables ?? {}, String(id)));
  }

  listVariables(workspace: string, project: number): Promise<VariableRecord[]> {
    return Promise.resolve(this.#variablesOf(workspace, project));
  }

  renameVariable(
    workspace: string,
    id: number,
    name: string,
    journal?: VariableJournal,
  ): Promise<VariableRecord> {
    return this.#mutex.run(async () => {
      const current = ownEntry(this.#workspace(workspace)?.variables ?? {}, String(id));
      if (current === undefined) throw variableNotFoundError(id);
      if (this.#variablesOf(workspace, current.project).some((v) => v.name === name && v.id !== id))
        throw variableExistsError(name);
      const next = { ...current, name };
      await this.#save(next, journal, (draft) => {
        setOwnEntry(
          draftWorkspace(draft, workspace, 'variables').variables ?? {},
          String(id),
          next,
        );
      });
      return next;
    });
  }

  deleteVariable(workspace: string, id: number, journal?: VariableJournal): Promise<boolean> {
    return this.#mutex.run(async () => {
      const current = ownEntry(this.#workspace(workspace)?.variables ?? {}, String(id));
      if (current === undefined) return false;
      const key = String(id);
      const holding = this.#datasetsOf(workspace, current.project).filter((d) =>
        Object.hasOwn(d.values, key),
      );
      await this.#save(current, journal, (draft) => {
        const copy = draftWorkspace(draft, workspace, 'variables', 'datasets');
        delete copy.variables?.[key];
        for (const dataset of holding) {
          const { [key]: _gone, ...values } = dataset.values;
          setOwnEntry(copy.datasets ?? {}, String(dataset.id), { ...dataset, values });
        }
      });
      return true;
    });
  }

  async #insertDataset(dataset: NewDataset, journal?: DatasetJournal): Promise<DatasetRecord> {
    const ws = this.#workspace(dataset.workspace);
    const stored: DatasetRecord = {
      id: (ws?.lastIds.dataset ?? 0) + 1,
      workspace: dataset.workspace,
      project: dataset.project,
      name: dataset.name,
      isDefault: false,
      values: { ...dataset.values },
    };
    await this.#save(stored, journal, (draft) => {
      const copy = draftWorkspace(draft, dataset.workspace, 'datasets');
      copy.datasets ??= {};
      setOwnEntry(copy.datasets, String(stored.id), stored);
      copy.lastIds = { ...copy.lastIds, dataset: stored.id };
    });
    return stored;
  }

  /**
   * Saves a dataset or variable write and its journal's event as one
   * change of the document: when building the event fails, or the save
   * does, neither is kept. Tells the journal the event once saved.
   */
  async #save<R>(
    record: R,
    journal: RecordJournal<R> | undefined,
    write: (draft: StoreDocument) => void,
  ): Promise<void> {
    let recorded: EventRecord | undefined;
    await this.#saved.update((draft) => {
      write(draft);
      if (journal !== undefined)
        recorded = appendEventToDraft(draft, journal.event(record), []).event;
    });
    if (recorded !== undefined) journal?.recorded?.(recorded);
  }

  #assertNameFree(workspace: string, project: number, name: string, self: number | undefined) {
    const holder = this.#datasetsOf(workspace, project).find((d) => d.name === name);
    if (holder !== undefined && holder.id !== self) throw datasetExistsError(name);
  }

  #assertVariables(workspace: string, project: number, values: Record<string, string>): void {
    const known = new Set(this.#variablesOf(workspace, project).map((v) => String(v.id)));
    for (const key of Object.keys(values))
      if (!known.has(key)) throw variableNotFoundError(Number(key));
  }

  #datasetsOf(workspace: string, project: number): DatasetRecord[] {
    return Object.values(this.#workspace(workspace)?.datasets ?? {})
      .filter((d) => d.project === project)
      .sort((a, b) => a.id - b.id);
  }

  #variablesOf(workspace: string, project: number): VariableRecord[] {
    return Object.values(this.#workspace(workspace)?.variables ?? {})
      .filter((v) => v.project === project)
      .sort((a, b) => a.id - b.id);
  }

  #workspace(workspace: string): WorkspaceDocument | undefined {
    return ownEntry(this.#saved.current.workspaces, workspace);
  }
}
