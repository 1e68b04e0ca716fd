import type { Quota } from '@allot/core';
import { isPostgresUrl } from '@allot/store-postgres';

/**
 * A resolution server to register from configuration: a name (the
 * `{servername}` of the Curiosity execute route) and where its connection
 * string comes from. The string itself is read when the server starts and
 * is never returned by the API nor logged.
 */
export interface ResolutionServerConfig {
  /** The `{servername}` of the execute route. */
  name: string;
  /** Only keys of this workspace see the server; every workspace when absent. */
  workspace?: string;
  /** The environment variable holding the `postgres://` connection string. */
  connectionEnv?: string;
  /** The connection string itself; accepted from `ALLOT_RESOLUTION_SERVERS` only, never from a flag. */
  connection?: string;
  /** Shown by `GET /api/v1/servers`; default names the variable. */
  description?: string;
  /** Longest a find's query or a make's insert may run; default 10 s. */
  statementTimeoutMs?: number;
  /** Connections to the database; default 4. */
  poolSize?: number;
  /** Teardown statements may run on the database (they delete what makes inserted); default false. */
  readWrite?: boolean;
  /** At most so many makes per window across replicas, and at once per replica. */
  quota?: Quota;
}

const SERVER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FIELDS = new Set([
  'name',
  'workspace',
  'connectionEnv',
  'connection',
  'description',
  'statementTimeoutMs',
  'poolSize',
  'readWrite',
  'quota',
]);
const ENTRY_FORM = '[WORKSPACE/]NAME=ENV_VAR';

/**
 * Parses one `--resolution-server [WORKSPACE/]NAME=ENV_VAR` value. The value
 * names an environment variable: a connection string on the command line
 * would show in every process listing, so it is refused.
 */
export function parseResolutionServerFlag(value: string): ResolutionServerConfig {
  const entry = parseEntry(value, '--resolution-server');
  if (entry.connection !== undefined) {
    throw new Error(
      `--resolution-server ${entry.name}=…: put the connection string in an environment variable and pass its name (${ENTRY_FORM})`,
    );
  }
  return entry;
}

/**
 * Parses `ALLOT_RESOLUTION_SERVERS`: a JSON array of
 * {@link ResolutionServerConfig} objects, or entries
 * `[WORKSPACE/]NAME=ENV_VAR` or `[WORKSPACE/]NAME=postgres://…` separated by
 * whitespace. Messages never repeat a connection string.
 */
export function parseResolutionServersEnv(text: string): ResolutionServerConfig[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return parseJsonList(trimmed);
  return trimmed.split(/\s+/).map((entry) => parseEntry(entry, 'ALLOT_RESOLUTION_SERVERS'));
}

/** Refuses two servers of one name in one scope, naming the name. */
export function assertDistinctServers(configs: readonly ResolutionServerConfig[]): void {
  const seen = new Set<string>();
  for (const config of configs) {
    const scope = config.workspace ?? '';
    const id = `${scope}\u0000${config.name}`;
    if (config.name === 'local' && config.workspace === undefined) {
      throw new Error('resolution server "local" is the built-in engine; pick another name');
    }
    if (seen.has(id)) {
      throw new Error(
        `resolution server "${config.name}"${config.workspace === undefined ? '' : ` of workspace "${config.workspace}"`} is configured twice`,
      );
    }
    seen.add(id);
  }
}

function parseEntry(entry: string, source: string): ResolutionServerConfig {
  const equals = entry.indexOf('=');
  // The entry is not echoed: it may be a connection string missing its name.
  if (equals < 0) throw new Error(`${source}: expected ${ENTRY_FORM}, got an entry without "="`);
  const scoped = entry.slice(0, equals);
  const value = entry.slice(equals + 1);
  const slash = scoped.lastIndexOf('/');
  const name = scoped.slice(slash + 1);
  const workspace = slash < 0 ? undefined : scoped.slice(0, slash);
  checkName(name, source);
  if (workspace === '') throw new Error(`${source}: the workspace before "/${name}" is empty`);
  const config: ResolutionServerConfig = { name };
  if (workspace !== undefined) config.workspace = workspace;
  if (isPostgresUrl(value)) config.connection = value;
  else if (ENV_NAME.test(value)) config.connectionEnv = value;
  else {
    throw new Error(
      `${source}: resolution server "${name}" needs an environment variable name (letters, digits, _) or a postgres:// URL after "="`,
    );
  }
  return config;
}

function parseJsonList(text: string): ResolutionServerConfig[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('ALLOT_RESOLUTION_SERVERS is not valid JSON (expected an array of objects)');
  }
  if (!Array.isArray(parsed)) {
    throw new Error('ALLOT_RESOLUTION_SERVERS must be a JSON array of objects');
  }
  return parsed.map((item: unknown, index) => configOf(item, `ALLOT_RESOLUTION_SERVERS[${index}]`));
}

function configOf(item: unknown, at: string): ResolutionServerConfig {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new Error(`${at} must be an object with name and connectionEnv`);
  }
  const record = item as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) {
    throw new Error(
      `${at} has unknown field(s) ${unknown.join(', ')}; known: ${[...FIELDS].join(', ')}`,
    );
  }
  const name = text(record, 'name', at);
  if (name === undefined) throw new Error(`${at}.name is required`);
  checkName(name, at);
  const config: ResolutionServerConfig = { name };
  const workspace = text(record, 'workspace', at);
  if (workspace !== undefined) config.workspace = workspace;
  const connectionEnv = text(record, 'connectionEnv', at);
  const connection = text(record, 'connection', at);
  if ((connectionEnv === undefined) === (connection === undefined)) {
    throw new Error(`${at} needs exactly one of connectionEnv (a variable name) and connection`);
  }
  if (connectionEnv !== undefined) {
    if (!ENV_NAME.test(connectionEnv)) {
      throw new Error(
        `${at}.connectionEnv must be an environment variable name (letters, digits, _)`,
      );
    }
    config.connectionEnv = connectionEnv;
  }
  if (connection !== undefined) {
    if (!isPostgresUrl(connection)) throw new Error(`${at}.connection must be a postgres:// URL`);
    config.connection = connection;
  }
  const description = text(record, 'description', at);
  if (description !== undefined) config.description = description;
  const timeout = positiveInteger(record, 'statementTimeoutMs', at);
  if (timeout !== undefined) config.statementTimeoutMs = timeout;
  const poolSize = positiveInteger(record, 'poolSize', at);
  if (poolSize !== undefined) config.poolSize = poolSize;
  if (record.readWrite !== undefined) {
    if (typeof record.readWrite !== 'boolean')
      throw new Error(`${at}.readWrite must be true or false`);
    config.readWrite = record.readWrite;
  }
  if (record.quota !== undefined) config.quota = quotaOf(record.quota, `${at}.quota`);
  return config;
}

function text(record: Record<string, unknown>, field: string, at: string): string | undefined {
  const value = record[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '')
    throw new Error(`${at}.${field} must be a non-empty string`);
  return value;
}

function positiveInteger(
  record: Record<string, unknown>,
  field: string,
  at: string,
): number | undefined {
  const value = record[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`${at}.${field} must be a positive integer`);
  }
  return value;
}

const QUOTA_FIELDS = new Set(['makes', 'perSeconds', 'concurrency', 'waitSeconds']);

function quotaOf(value: unknown, at: string): Quota {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${at} must be an object: {makes, perSeconds, concurrency, waitSeconds}`);
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !QUOTA_FIELDS.has(key));
  if (unknown.length > 0) {
    throw new Error(
      `${at} has unknown field(s) ${unknown.join(', ')}; known: ${[...QUOTA_FIELDS].join(', ')}`,
    );
  }
  const makes = positiveInteger(record, 'makes', at);
  if (makes === undefined) throw new Error(`${at}.makes is required`);
  const quota: Quota = { makes };
  const perSeconds = positiveInteger(record, 'perSeconds', at);
  if (perSeconds !== undefined) quota.perSeconds = perSeconds;
  const concurrency = positiveInteger(record, 'concurrency', at);
  if (concurrency !== undefined) quota.concurrency = concurrency;
  const waitSeconds = positiveInteger(record, 'waitSeconds', at);
  if (waitSeconds !== undefined) quota.waitSeconds = waitSeconds;
  return quota;
}

function checkName(name: string, source: string): void {
  if (!SERVER_NAME.test(name)) {
    throw new Error(
      `${source}: "${name}" is not a resolution server name (letters, digits, ., _ and -, up to 63, starting with a letter or digit)`,
    );
  }
}
