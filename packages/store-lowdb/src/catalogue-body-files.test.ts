import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CataloguePut } from '@allot/core';
import { openLowdbStore } from './open-lowdb-store.js';

const T0 = new Date('2030-01-01T00:00:00Z');
/** One stored piece of a generated file, as the dataset job writes them. */
const PIECE_CHARS = 512 * 1024;
const PIECES = 24;

const piece = (n: number) => String(n).padStart(8, '0') + 'x'.repeat(PIECE_CHARS - 8);
const put = (n: number): CataloguePut => ({
  kind: 'dataset-chunk',
  workspace: 'w',
  project: null,
  name: `dataset/1/csv/0/${String(n).padStart(7, '0')}`,
  body: piece(n),
  actor: 'ann',
});

/** Bytes of the document itself: the snapshot and its journals. */
async function documentBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const name of await readdir(dir))
    if (name.startsWith('allot.json') || name.startsWith('allot.journal'))
      bytes += (await stat(join(dir, name))).size;
  return bytes;
}

describe('lowdb catalogue bodies', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-lowdb-bodies-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps large bodies in files of their own, so the document does not grow with them', async () => {
    const store = await openLowdbStore(dir);
    for (let n = 0; n < PIECES; n++) await store.putCatalogue(put(n), T0);
    // 12 MiB of pieces; the document only names them (a few hundred bytes each).
    expect(await documentBytes(dir)).toBeLessThan(PIECES * 2048);
    const files = await readdir(join(dir, 'catalogue', 'w'));
    expect(files).toHaveLength(PIECES);
    await store.close();

    const reopened = await openLowdbStore(dir);
    for (let n = 0; n < PIECES; n++)
      expect((await reopened.getCatalogueByName(put(n)))?.body).toBe(piece(n));
    // A small body stays in the document.
    await reopened.putCatalogue({ ...put(99), body: 'small' }, T0);
    expect(await readdir(join(dir, 'catalogue', 'w'))).toHaveLength(PIECES);
    for (let n = 0; n < PIECES; n++) await reopened.deleteCatalogue({ ...put(n), force: true }, T0);
    expect(await readdir(join(dir, 'catalogue', 'w'))).toEqual([]);
    expect((await reopened.getCatalogueByName(put(99)))?.body).toBe('small');
    await reopened.close();
  });

  it('writes the bodies of puts made at once side by side, and leaves no file for a put refused', async () => {
    const store = await openLowdbStore(dir);
    // Every piece at once: each is numbered and named by the journal in turn, whatever order its file was done in.
    const bytes = (n: number) => Buffer.from(piece(n));
    await Promise.all(
      Array.from({ length: PIECES }, (_, n) =>
        store.putCatalogue({ ...put(n), body: bytes(n) }, T0),
      ),
    );
    const refused = store.putCatalogue(
      { ...put(500), body: bytes(500), requires: [{ ...put(0), version: '999' }] },
      T0,
    );
    await expect(refused).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await readdir(join(dir, 'catalogue', 'w'))).toHaveLength(PIECES);
    await store.close();
    const reopened = await openLowdbStore(dir);
    for (let n = 0; n < PIECES; n++)
      expect(bytes(n).equals((await reopened.getCatalogueByName(put(n)))?.body as Buffer)).toBe(
        true,
      );
    expect(await reopened.getCatalogueByName(put(500))).toBeUndefined();
    await reopened.close();
  });
});
