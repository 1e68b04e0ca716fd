import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPostgresUrl } from '@allot/store-postgres';
import { describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';

describe('openStore', () => {
  it('tells database URLs from data directories', () => {
    expect(isPostgresUrl('postgres://u:p@db:5432/allot')).toBe(true);
    expect(isPostgresUrl('postgresql://db/allot')).toBe(true);
    expect(isPostgresUrl('.allot')).toBe(false);
    expect(isPostgresUrl('/var/lib/postgres')).toBe(false);
  });

  it('opens the embedded store for a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'allot-open-store-'));
    try {
      const store = await openStore(dir);
      expect(store.kind).toBe('lowdb');
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
