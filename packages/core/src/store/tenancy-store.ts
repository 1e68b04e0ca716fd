import type { ApiKeyRecord, UserRecord, WorkspaceRecord } from '../model/workspace-record.js';

/** The tenancy slice of the {@link Store}: workspaces, their API keys and users. */
export interface TenancyStore {
  /** Creates a workspace; fails with INVALID_INPUT when the id exists. */
  createWorkspace(workspace: WorkspaceRecord): Promise<void>;
  getWorkspace(id: string): Promise<WorkspaceRecord | undefined>;
  listWorkspaces(): Promise<WorkspaceRecord[]>;

  /** Creates or replaces a key (revoking is replacing with `revokedAt` set). */
  putApiKey(key: ApiKeyRecord): Promise<void>;
  /** A key by its public id, whatever its workspace: how a request finds its workspace. */
  findApiKey(id: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(workspace: string): Promise<ApiKeyRecord[]>;

  putUser(user: UserRecord): Promise<void>;
  getUser(workspace: string, id: string): Promise<UserRecord | undefined>;
  listUsers(workspace: string): Promise<UserRecord[]>;
  /** True when the user existed. */
  deleteUser(workspace: string, id: string): Promise<boolean>;
}
