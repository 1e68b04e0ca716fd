import {
  madeRowId,
  type MadeRowFilter,
  type MadeRowRecord,
  type NewMadeRow,
  type TeardownOutcome,
} from '../lifecycle/made-row-record.js';
import { takeFromWindow, type QuotaTake } from '../lifecycle/quota-window.js';
import { AllotError } from '../errors.js';
import { rowId, type RowRef } from '../model/job-record.js';
import { draftWorkspace } from './draft-workspace.js';
import type { LifecycleStore, MadeRowRef } from './lifecycle-store.js';
import type { Mutex } from './mutex.js';
import type { Page } from './page.js';
import type { SavedDocument } from './saved-document.js';
import type { StoreDocument } from './store-document.js';

/** When a row fell due; ties (rows due at one instant) by workspace, block and key, for a stable order. */
function byDueOrder(a: MadeRowRecord, b: MadeRowRecord): number {
  return (
    Date.parse(a.updatedAt) - Date.parse(b.updatedAt) ||
    codePointOrder(a.workspace, b.workspace) ||
    codePointOrder(a.block, b.block) ||
    codePointOrder(a.key, b.key)
  );
}

function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** States a teardown attempt may start from. */
const STARTABLE = new Set(['due', 'queued', 'failed']);

/**
 * The made rows and quotas of the document store, with the methods of its
 * {@link LifecycleStore} slice. It shares the store's document and mutex, so
 * each change (a state compared and set) is one turn of the mutex.
 */
export class DocumentLifecycle implements LifecycleStore {
  readonly #saved: SavedDocument;
  readonly #mutex: Mutex;

  constructor(saved: SavedDocument, mutex: Mutex) {
    this.#saved = saved;
    this.#mutex = mutex;
  }

  recordMadeRows(rows: readonly NewMadeRow[], now: Date): Promise<void> {
    return this.#change((draft) => {
      const stamp = now.toISOString();
      for (const row of rows) {
        const ws = draftWorkspace(draft, row.workspace, 'madeRows');
        const made = ws.madeRows as Record<string, MadeRowRecord>;
        const id = madeRowId(row);
        if (Object.hasOwn(made, id)) continue;
        const state = row.teardown === null ? 'kept' : 'held';
        made[id] = {
          ...row,
          state,
          attempts: 0,
          lastError: null,
          createdAt: stamp,
          updatedAt: stamp,
        };
      }
    });
  }

  holdMadeRows(
    workspace: string,
    jobId: number,
    rows: readonly RowRef[],
    expiresAt: string,
    now: Date,
  ): Promise<void> {
    return this.#update(workspace, rows, (row) =>
      row.state === 'held' || row.state === 'kept'
        ? { ...row, jobId, expiresAt, updatedAt: now.toISOString() }
        : undefined,
    ).then(() => undefined);
  }

  dueMadeRows(
    workspace: string,
    jobId: number,
    rows: readonly RowRef[] | null,
    now: Date,
  ): Promise<MadeRowRecord[]> {
    return this.#update(workspace, rows, (row) =>
      row.state === 'held' && row.jobId === jobId && row.teardown !== null
        ? { ...row, state: 'due', updatedAt: now.toISOString() }
        : undefined,
    );
  }

  dueExpiredMadeRows(now: Date): Promise<MadeRowRecord[]> {
    // Asked every few seconds: a document with nothing to change is not saved again.
    if (!this.#any((row) => row.state === 'held' && row.expiresAt !== null)) {
      return Promise.resolve([]);
    }
    const changed: MadeRowRecord[] = [];
    return this.#change((draft) => {
      for (const [workspace, doc] of Object.entries(draft.workspaces)) {
        const expired = Object.values(doc.madeRows ?? {}).filter(
          (row) =>
            row.state === 'held' &&
            row.teardown !== null &&
            row.expiresAt !== null &&
            Date.parse(row.expiresAt) <= now.getTime(),
        );
        if (expired.length === 0) continue;
        const made = draftWorkspace(draft, workspace, 'madeRows').madeRows as Record<
          string,
          MadeRowRecord
        >;
        for (const row of expired) {
          const next: MadeRowRecord = { ...row, state: 'due', updatedAt: now.toISOString() };
          made[madeRowId(row)] = next;
          changed.push(next);
        }
      }
    }).then(() => changed);
  }

  queueDueMadeRows(limit: number, now: Date): Promise<MadeRowRecord[]> {
    if (!this.#any((row) => row.state === 'due')) return Promise.resolve([]);
    const taken: MadeRowRecord[] = [];
    return this.#change((draft) => {
      // Oldest due first, across workspaces, as PostgreSQL hands them out: a
      // backlog larger than `limit` drains in the order rows fell due.
      const due = Object.values(draft.workspaces)
        .flatMap((doc) => Object.values(doc.madeRows ?? {}))
        .filter((row) => row.state === 'due')
        .sort(byDueOrder)
        .slice(0, Math.max(0, limit));
      for (const row of due) {
        const made = draftWorkspace(draft, row.workspace, 'madeRows').madeRows as Record<
          string,
          MadeRowRecord
        >;
        const next: MadeRowRecord = { ...row, state: 'queued', updatedAt: now.toISOString() };
        made[madeRowId(row)] = next;
        taken.push(next);
      }
    }).then(() => taken);
  }

  startTeardown(row: MadeRowRef, staleBefore: Date, now: Date): Promise<MadeRowRecord | undefined> {
    return this.#update(row.workspace, [row], (current) => {
      const stale =
        current.state === 'running' && Date.parse(current.updatedAt) < staleBefore.getTime();
      if (!STARTABLE.has(current.state) && !stale) return undefined;
      const stamp = now.toISOString();
      return { ...current, state: 'running', attempts: current.attempts + 1, updatedAt: stamp };
    }).then((rows) => rows[0]);
  }

  async finishTeardown(
    row: MadeRowRef,
    outcome: TeardownOutcome,
    now: Date,
  ): Promise<MadeRowRecord> {
    const [finished] = await this.#update(
      row.workspace,
      [row],
      (current) =>
        current.state !== 'running'
          ? undefined
          : {
              ...current,
              state: outcome.ok ? 'done' : 'failed',
              lastError: outcome.ok ? null : outcome.error,
              updatedAt: now.toISOString(),
            },
      (draft, record) => {
        // A torn-down row is gone: it must never be handed out again.
        if (record.state !== 'done') return;
        const ws = draftWorkspace(draft, record.workspace, 'consumed');
        ws.consumed[rowId(record.block, record.key)] = record.jobId ?? 0;
      },
    );
    if (finished === undefined) {
      throw new AllotError(
        'INVALID_INPUT',
        `made row ${row.block} ${row.key} is not being torn down`,
      );
    }
    return finished;
  }

  listMadeRows(workspace: string, filter: MadeRowFilter, page: Page): Promise<MadeRowRecord[]> {
    const rows = Object.values(this.#saved.current.workspaces[workspace]?.madeRows ?? {})
      .filter(
        (row) =>
          (filter.state === undefined || row.state === filter.state) &&
          (filter.pool === undefined || row.pool === filter.pool) &&
          (filter.origin === undefined || row.origin === filter.origin),
      )
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.key.localeCompare(a.key));
    return Promise.resolve(rows.slice(page.offset, page.offset + page.limit));
  }

  takeQuota(bucket: string, limit: number, windowMs: number, now: Date): Promise<QuotaTake> {
    let take: QuotaTake = { granted: true };
    return this.#change((draft) => {
      const quotas = { ...(draft.quotas ?? {}) };
      const decided = takeFromWindow(quotas[bucket], limit, windowMs, now);
      take = decided.take;
      quotas[bucket] = decided.window;
      draft.quotas = quotas;
    }).then(() => take);
  }

  /** Replaces the rows (all of the workspace, or the given ones) that `change` returns anew. */
  async #update(
    workspace: string,
    rows: readonly RowRef[] | null,
    change: (row: MadeRowRecord) => MadeRowRecord | undefined,
    also?: (draft: StoreDocument, record: MadeRowRecord) => void,
  ): Promise<MadeRowRecord[]> {
    const changed: MadeRowRecord[] = [];
    await this.#change((draft) => {
      const current = draft.workspaces[workspace]?.madeRows ?? {};
      const candidates =
        rows === null
          ? Object.values(current)
          : rows.flatMap((row) => {
              const id = madeRowId(row);
              return Object.hasOwn(current, id) ? [current[id] as MadeRowRecord] : [];
            });
      const next = candidates.flatMap((row) => {
        const updated = change(row);
        return updated === undefined ? [] : [updated];
      });
      if (next.length === 0) return;
      const made = draftWorkspace(draft, workspace, 'madeRows').madeRows as Record<
        string,
        MadeRowRecord
      >;
      for (const record of next) {
        made[madeRowId(record)] = record;
        also?.(draft, record);
        changed.push(record);
      }
    });
    return changed;
  }

  #any(test: (row: MadeRowRecord) => boolean): boolean {
    return Object.values(this.#saved.current.workspaces).some((doc) =>
      Object.values(doc.madeRows ?? {}).some(test),
    );
  }

  /** One change in one turn of the mutex. */
  #change(change: (draft: StoreDocument) => void): Promise<void> {
    return this.#mutex.run(() => this.#saved.update(change));
  }
}
