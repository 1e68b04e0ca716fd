import { executeBundle } from '@allot/use-cases';
import { isPostgresUrl, PostgresResolutionDatabase } from '@allot/store-postgres';
import { assertDistinctServers, type ResolutionServerConfig } from './resolution-server-config.js';
import type { ResolutionServer } from './resolution-servers.js';

/**
 * Opens the PostgreSQL resolution servers of a configuration: reads each
 * connection string from its environment variable (or the entry), checks
 * it is a `postgres://` URL, and wraps it so jobs on the server resolve
 * SQL finds and makes there. Connections open on first use, so the
 * application's database may come up after allot. Messages name the
 * variable, never its value. The caller closes what this returns.
 */
export function openResolutionServers(
  configs: readonly ResolutionServerConfig[],
  env: NodeJS.ProcessEnv = process.env,
): ResolutionServer[] {
  assertDistinctServers(configs);
  const prepared = configs.map((config) => ({ config, url: connectionOf(config, env) }));
  return prepared.map(({ config, url }) => postgresServer(config, url));
}

function connectionOf(config: ResolutionServerConfig, env: NodeJS.ProcessEnv): string {
  const label = `resolution server "${config.name}"`;
  if (config.connection !== undefined) return config.connection;
  const variable = config.connectionEnv;
  if (variable === undefined) throw new Error(`${label} has no connectionEnv`);
  const url = env[variable];
  if (url === undefined || url === '') {
    throw new Error(
      `${label}: environment variable ${variable} is not set; set it to the database's postgres:// URL`,
    );
  }
  if (!isPostgresUrl(url)) {
    throw new Error(
      `${label}: environment variable ${variable} does not hold a postgres:// or postgresql:// URL`,
    );
  }
  return url;
}

function postgresServer(config: ResolutionServerConfig, url: string): ResolutionServer {
  const options: { statementTimeoutMs?: number; poolSize?: number; readWrite?: boolean } = {};
  if (config.readWrite !== undefined) options.readWrite = config.readWrite;
  if (config.statementTimeoutMs !== undefined)
    options.statementTimeoutMs = config.statementTimeoutMs;
  if (config.poolSize !== undefined) options.poolSize = config.poolSize;
  const database = new PostgresResolutionDatabase(config.name, url, options);
  const from =
    config.connectionEnv === undefined ? 'ALLOT_RESOLUTION_SERVERS' : `$${config.connectionEnv}`;
  const server: ResolutionServer = {
    name: config.name,
    description:
      config.description ?? `PostgreSQL database of the application (connection from ${from})`,
    kind: 'postgres',
    database,
    execute: (store, job) =>
      executeBundle(store, {
        ...job,
        server: database,
        ...(config.quota === undefined ? {} : { serverQuota: config.quota }),
      }),
    close: () => database.close(),
  };
  if (config.quota !== undefined) server.quota = config.quota;
  if (config.workspace !== undefined) server.workspace = config.workspace;
  return server;
}
