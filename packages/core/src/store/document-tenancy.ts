import { workspaceExistsError } from './store-errors.js';
import type { ApiKeyRecord, UserRecord, WorkspaceRecord } from '../model/workspace-record.js';
import { draftWorkspace } from './draft-workspace.js';
import type { Mutex } from './mutex.js';
import { ownEntry, setOwnEntry } from './own-entry.js';
import type { SavedDocument } from './saved-document.js';
import type { StoreDocument, WorkspaceDocument } from './store-document.js';

/**
 * The tenancy records of the document store: workspaces, API keys and
 * users, with the methods of the same names of the store's interface. It
 * shares the store's document and mutex, so its changes are serialised with
 * every other change of the store.
 */
export class DocumentTenancy {
  readonly #saved: SavedDocument;
  readonly #mutex: Mutex;

  constructor(saved: SavedDocument, mutex: Mutex) {
    this.#saved = saved;
    this.#mutex = mutex;
  }

  createWorkspace(workspace: WorkspaceRecord): Promise<void> {
    return this.#mutex.run(async () => {
      if (ownEntry(this.#document.tenants, workspace.id) !== undefined) {
        throw workspaceExistsError(workspace.id);
      }
      await this.#saved.update((draft) => {
        draft.tenants = { ...draft.tenants, [workspace.id]: workspace };
      });
    });
  }

  getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    return Promise.resolve(ownEntry(this.#document.tenants, id));
  }

  listWorkspaces(): Promise<WorkspaceRecord[]> {
    return Promise.resolve(
      Object.values(this.#document.tenants).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    );
  }

  putApiKey(key: ApiKeyRecord): Promise<void> {
    return this.#mutex.run(() =>
      this.#saved.update((draft) => {
        draft.apiKeys = { ...draft.apiKeys, [key.id]: key };
      }),
    );
  }

  findApiKey(id: string): Promise<ApiKeyRecord | undefined> {
    return Promise.resolve(
      Object.hasOwn(this.#document.apiKeys, id) ? this.#document.apiKeys[id] : undefined,
    );
  }

  listApiKeys(workspace: string): Promise<ApiKeyRecord[]> {
    const keys = Object.values(this.#document.apiKeys).filter((k) => k.workspace === workspace);
    return Promise.resolve(
      keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    );
  }

  putUser(user: UserRecord): Promise<void> {
    return this.#mutex.run(() =>
      this.#saved.update((draft) => {
        setOwnEntry(draftWorkspace(draft, user.workspace, 'users').users, user.id, user);
      }),
    );
  }

  getUser(workspace: string, id: string): Promise<UserRecord | undefined> {
    const users = this.#workspace(workspace)?.users ?? {};
    return Promise.resolve(Object.hasOwn(users, id) ? users[id] : undefined);
  }

  listUsers(workspace: string): Promise<UserRecord[]> {
    const users = Object.values(this.#workspace(workspace)?.users ?? {});
    return Promise.resolve(
      users.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    );
  }

  deleteUser(workspace: string, id: string): Promise<boolean> {
    return this.#mutex.run(async () => {
      const users = this.#workspace(workspace)?.users;
      if (users === undefined || ownEntry(users, id) === undefined) return false;
      await this.#saved.update((draft) => {
        delete draftWorkspace(draft, workspace, 'users').users[id];
      });
      return true;
    });
  }

  /** The document as last saved. */
  get #document(): StoreDocument {
    return this.#saved.current;
  }

  #workspace(workspace: string): WorkspaceDocument | undefined {
    return ownEntry(this.#document.workspaces, workspace);
  }
}
