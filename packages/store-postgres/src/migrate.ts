import { readdir, readFile } from 'node:fs/promises';
import type pg from 'pg';

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);
const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
/** Replicas migrating the same schema take turns on this lock. */
const lockName = (schema: string) => `allot:migrate:${schema}`;

/** A numbered migration file. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** The migrations shipped with the package, in order. */
export async function readMigrations(): Promise<Migration[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((name) => MIGRATION_FILE.test(name)).sort();
  return Promise.all(
    names.map(async (name) => ({
      id: Number(name.slice(0, 4)),
      name,
      sql: await readFile(new URL(name, MIGRATIONS_DIR), 'utf8'),
    })),
  );
}

/**
 * Brings a schema up to date: creates it when missing, then applies each
 * migration not yet recorded in `allot_migrations`, each in its own
 * transaction. An advisory lock makes replicas that start together take
 * turns; the ones that come second find nothing left to do.
 *
 * @param options.upTo the last migration to apply (default: all), so a
 *   test can build a schema as an older release left it
 * @returns the ids of the migrations this call applied
 */
export async function migrate(
  client: pg.ClientBase,
  schema: string,
  options: { upTo?: number } = {},
): Promise<number[]> {
  const { upTo = Infinity } = options;
  const migrations = (await readMigrations()).filter((migration) => migration.id <= upTo);
  const ident = quoteIdent(schema);
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockName(schema)]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident}`);
    await client.query(`SET search_path TO ${ident}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS allot_migrations (
         id integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = await client.query<{ id: number }>('SELECT id FROM allot_migrations');
    const applied = new Set(done.rows.map((row) => row.id));
    const ran: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO allot_migrations (id, name) VALUES ($1, $2)', [
          migration.id,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.name} failed: ${String(error)}`, { cause: error });
      }
      ran.push(migration.id);
    }
    return ran;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName(schema)]);
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** A schema name as SQL; only plain lower-case identifiers are accepted, so quoting is trivial. */
export function quoteIdent(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(`"${name}" is not a schema name: use lower-case letters, digits and _`);
  }
  return `"${name}"`;
}
