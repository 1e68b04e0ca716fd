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

/**
 * A password as stored: a memory-hard scrypt digest with the salt and cost
 * parameters it was made with, so that raising the costs later leaves older
 * passwords verifiable.
 */
export interface PasswordHash {
  algorithm: 'scrypt';
  /** Base64 of the per-user random salt. */
  salt: string;
  /** scrypt's cost (N), block size (r) and parallelism (p). */
  cost: number;
  blockSize: number;
  parallelism: number;
  keyLength: number;
  /** Base64 of the derived key. */
  hash: string;
}

/**
 * A person in a workspace; API keys may belong to one (see {@link ApiKeyRecord.userId}).
 * The account fields are optional so that users stored before they existed
 * read as active, ordinary users without a password.
 */
export interface UserRecord {
  id: string;
  workspace: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  /** False once deactivated: the user cannot log in and their sessions stop working. Absent: true. */
  active?: boolean;
  /** Acts as an admin in every workspace, and may create and list workspaces. Absent: false. */
  superUser?: boolean;
  /** Absent or null until the user sets one through an invitation. */
  password?: PasswordHash | null;
  /** The user's TOTP second factor; absent or null when they have none. */
  twoFactor?: TwoFactorRecord | null;
}

/**
 * A user's TOTP second factor as stored. The secret is sealed (encrypted
 * and authenticated) by the use cases, never kept in the clear; it is
 * pending until the user confirms it with a code, and only then asked for
 * at login.
 */
export interface TwoFactorRecord {
  /** The sealed base32 secret: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  secret: string;
  /** When the user confirmed it with a code; null while pending. */
  enabledAt: string | null;
  /** The last time step a code was accepted for, so that a code is never used twice. */
  lastStep: number | null;
}
