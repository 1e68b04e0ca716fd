/**
 * Tenancy: workspaces and who may act in them, by API key or user.
 * Plain data only: every type here can be stored as JSON.
 */

/** What a key or user may do; each role includes the ones before it. */
export type Role = 'viewer' | 'tester' | 'manager' | 'admin';

/** Every role, weakest first: a role's index orders it. */
export const ROLES: readonly Role[] = ['viewer', 'tester', 'manager', 'admin'];

/** A tenant: its keys, users, pools, data blocks and servers. */
export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: string;
}

/** An API key as stored: never the secret, only its hash. */
export interface ApiKeyRecord {
  /** The public part of the key, also its lookup id. */
  id: string;
  workspace: string;
  name: string;
  role: Role;
  /** Hex digest of the secret part. */
  secretHash: string;
  /** The user the key belongs to, if any. */
  userId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** A person in a workspace; API keys may belong to one (see {@link ApiKeyRecord.userId}). */
export interface UserRecord {
  id: string;
  workspace: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
}
