import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from './embedded-postgres.js';
import { withClient } from './postgres.js';

/** The OS user the server runs as: `postgres` when started by root, else whoever started it. */
function serverUid(): number {
  if (process.getuid?.() !== 0) return process.getuid?.() ?? 0;
  return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
}

describe('the embedded PostgreSQL of the test run', () => {
  let server: EmbeddedPostgresServer | undefined;
  afterAll(() => server?.stop());

  it('serves the test database on 127.0.0.1, from a data directory its OS user owns, and deletes it on stop', async () => {
    server = await startEmbeddedPostgres();
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/allot_test');
    const { database, dataDirectory, fsync } = await withClient(server.url, async (client) => {
      const { rows } = await client.query<{ database: string; data_directory: string }>(
        `SELECT current_database() AS database, current_setting('data_directory') AS data_directory`,
      );
      const fsyncSetting = await client.query<{ fsync: string }>('SHOW fsync');
      return {
        database: rows[0]?.database,
        dataDirectory: rows[0]?.data_directory ?? '',
        fsync: fsyncSetting.rows[0]?.fsync,
      };
    });
    expect(database).toBe('allot_test');
    expect(fsync).toBe('off');
    expect(statSync(dataDirectory).uid).toBe(serverUid());

    await server.stop();
    server = undefined;
    expect(existsSync(dataDirectory)).toBe(false);
    await expect(withClient(url.href, (client) => client.query('SELECT 1'))).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
