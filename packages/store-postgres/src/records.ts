import type {
  ApiKeyRecord,
  AuditEvent,
  BlockOrigin,
  BlockVersionMeta,
  PasswordHash,
  TwoFactorRecord,
  ResultRecord,
  Role,
  UserRecord,
  WorkspaceRecord,
} from '@allot/core';

/** A version's metadata as stored: the model's, plus the import it descends from. */
export interface StoredVersion extends BlockVersionMeta {
  lineage: string;
}

export interface VersionRow {
  block: string;
  version: string;
  columns: string[];
  key_column: string | null;
  row_count: number;
  origin: BlockOrigin;
  parent: string | null;
  lineage: string;
  source_hash: string | null;
  job_id: number | null;
  created_at: string;
}

export function versionOf(row: VersionRow): StoredVersion {
  return {
    block: row.block,
    version: row.version,
    columns: row.columns,
    keyColumn: row.key_column,
    rowCount: row.row_count,
    origin: row.origin,
    parent: row.parent,
    sourceHash: row.source_hash,
    jobId: row.job_id,
    createdAt: row.created_at,
    lineage: row.lineage,
  };
}

/** The model's metadata, without the store's bookkeeping. */
export function metaOf(version: StoredVersion): BlockVersionMeta {
  const { lineage: _lineage, ...meta } = version;
  return meta;
}

export interface ResultRow {
  pool: string;
  suite: string;
  test: string;
  job_id: number;
  columns: ResultRecord['columns'];
  rows: ResultRecord['rows'];
  created_at: string;
}

export function resultOf(row: ResultRow): ResultRecord {
  return {
    pool: row.pool,
    suite: row.suite,
    test: row.test,
    jobId: row.job_id,
    columns: row.columns,
    rows: row.rows,
    createdAt: row.created_at,
  };
}

export interface WorkspaceRow {
  id: string;
  name: string;
  created_at: string;
}

export function workspaceOf(row: WorkspaceRow): WorkspaceRecord {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

export interface ApiKeyRow {
  id: string;
  workspace: string;
  name: string;
  role: Role;
  secret_hash: string;
  user_id: string | null;
  created_at: string;
  revoked_at: string | null;
}

export function apiKeyOf(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    workspace: row.workspace,
    name: row.name,
    role: row.role,
    secretHash: row.secret_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export interface UserRow {
  workspace: string;
  id: string;
  name: string;
  email: string;
  role: Role;
  created_at: string;
  active: boolean;
  super_user: boolean;
  password: PasswordHash | null;
  two_factor: TwoFactorRecord | null;
}

export function userOf(row: UserRow): UserRecord {
  return {
    id: row.id,
    workspace: row.workspace,
    name: row.name,
    email: row.email,
    role: row.role,
    createdAt: row.created_at,
    active: row.active,
    superUser: row.super_user,
    password: row.password,
    // Absent, not null, for a user without a second factor, as the document stores keep it.
    ...(row.two_factor === null ? {} : { twoFactor: row.two_factor }),
  };
}

export interface AuditRow {
  id: number;
  workspace: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

export function auditOf(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    workspace: row.workspace,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: row.details,
  };
}
