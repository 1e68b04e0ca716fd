import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CatalogueLockedError,
  type CatalogueName,
  type CataloguePut,
  type CatalogueRecord,
  type Store,
} from '@allot/core';

const WS = 'contract';
const T0 = new Date('2030-01-01T00:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const coverage: CatalogueName = {
  kind: 'coverage-set',
  workspace: WS,
  project: 'p1',
  name: 'checkout',
};

const put = (extra: Partial<CataloguePut> = {}): CataloguePut => ({
  ...coverage,
  body: { attributes: ['country'] },
  actor: 'ann',
  ...extra,
});

/** What a caught rejection carries, for assertions on its code and details. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * The catalogue operations of the contract: versions numbered by the
 * store (also under concurrent puts), reads by id and by name, listings
 * with filters and pages, locks by compare-and-set (also under races),
 * deletes. `store` is read when each test runs.
 */
export function describeCatalogueContract(store: () => Store): void {
  describe('catalogue', () => {
    it('numbers versions 1.0, 1.1 … with an id of 24 hex each, and reads them by id and by name', async () => {
      const first = await store().putCatalogue(put(), at(0));
      const second = await store().putCatalogue(
        put({ body: { attributes: ['country', 'age'] }, actor: 'bob' }),
        at(5),
      );
      expect([first.version, second.version]).toEqual(['1.0', '1.1']);
      expect(first.id).toMatch(/^[0-9a-f]{24}$/);
      expect(second.id).toMatch(/^[0-9a-f]{24}$/);
      expect(second.id).not.toBe(first.id);
      expect(second).toMatchObject({
        ...coverage,
        createdBy: 'ann',
        createdAt: at(0).toISOString(),
        updatedBy: 'bob',
        updatedAt: at(5).toISOString(),
        lock: null,
      });

      expect(await store().getCatalogueById(WS, first.id)).toEqual(first);
      expect(await store().getCatalogueByName(coverage)).toEqual(second);
      expect(await store().getCatalogueByName(coverage, '1.0')).toEqual(first);
      expect(await store().getCatalogueByName(coverage, '9.9')).toBeUndefined();
      expect(await store().getCatalogueById('contract-other', first.id)).toBeUndefined();
      expect(await store().getCatalogueByName({ ...coverage, project: null })).toBeUndefined();
    });

    it('numbers a three-part name 1.0.0, 1.0.1 …, past 9, and refuses to change its scheme', async () => {
      const name = { ...coverage, name: 'schema', project: null };
      const versions: string[] = [];
      for (let i = 0; i < 11; i++) {
        const record = await store().putCatalogue({ ...put(name), scheme: 'three-part' }, at(i));
        versions.push(record.version);
      }
      expect(versions.slice(-3)).toEqual(['1.0.8', '1.0.9', '1.0.10']);
      expect((await store().getCatalogueByName(name))?.version).toBe('1.0.10');
      await expect(
        store().putCatalogue({ ...put(name), scheme: 'two-part' }, at(20)),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'scheme' } });
    });

    it('keeps the id across versions when asked, and finds the latest version by it', async () => {
      const first = await store().putCatalogue(put({ name: 'workset' }), at(0));
      const second = await store().putCatalogue(put({ name: 'workset', keepId: true }), at(1));
      expect(second.id).toBe(first.id);
      expect(second.version).toBe('1.1');
      expect((await store().getCatalogueById(WS, first.id))?.version).toBe('1.1');
      expect((await store().getCatalogueById(WS, first.id, '1.0'))?.version).toBe('1.0');
    });

    it('puts only on the expected latest version when one is given', async () => {
      await expect(
        store().putCatalogue(put({ expectedVersion: null }), at(0)),
      ).resolves.toMatchObject({ version: '1.0' });
      const conflict = await rejectionOf(
        store().putCatalogue(put({ expectedVersion: null }), at(1)),
      );
      expect(conflict).toMatchObject({
        code: 'VERSION_CONFLICT',
        details: { expected: null, latest: '1.0' },
      });
      await expect(
        store().putCatalogue(put({ expectedVersion: '1.0' }), at(2)),
      ).resolves.toMatchObject({ version: '1.1' });
      await expect(
        store().putCatalogue(put({ expectedVersion: '1.0' }), at(3)),
      ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
      expect((await store().getCatalogueByName(coverage))?.version).toBe('1.1');
    });

    it('gives N concurrent puts of one name N distinct, consecutive versions', async () => {
      const n = 24;
      const records = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          store().putCatalogue(put({ body: { i }, actor: `u${i}` }), at(i)),
        ),
      );
      const versions = records.map((r) => r.version);
      expect(new Set(versions).size).toBe(n);
      expect(versions.map((v) => Number(v.split('.')[1])).sort((a, b) => a - b)).toEqual(
        Array.from({ length: n }, (_, i) => i),
      );
      const listed = await store().listCatalogue({
        workspace: WS,
        kind: coverage.kind,
        page: { limit: 100, offset: 0 },
      });
      expect(listed.map((r) => r.version)).toEqual(Array.from({ length: n }, (_, i) => `1.${i}`));
      // Every stored version holds the body of the put that got it.
      for (const record of records)
        expect((await store().getCatalogueById(WS, record.id))?.body).toEqual(record.body);
    });

    it('lists one kind in a stable order, with filters and pages', async () => {
      const names: Array<[string | null, string]> = [
        ['p2', 'b'],
        [null, 'z'],
        ['p1', 'b'],
        ['p1', 'a'],
        ['p1', 'B'],
      ];
      for (const [project, name] of names)
        await store().putCatalogue(put({ project, name }), at(0));
      await store().putCatalogue(put({ project: 'p1', name: 'a' }), at(1));
      await store().putCatalogue(put({ kind: 'workset', project: 'p1', name: 'a' }), at(0));
      await store().putCatalogue(put({ workspace: 'contract-other', name: 'a' }), at(0));

      const list = async (extra: object = {}, limit = 100, offset = 0) =>
        (
          await store().listCatalogue({
            workspace: WS,
            kind: coverage.kind,
            page: { limit, offset },
            ...extra,
          })
        ).map((r: CatalogueRecord) => `${r.project ?? '-'}/${r.name}@${r.version}`);

      const all = ['-/z@1.0', 'p1/B@1.0', 'p1/a@1.0', 'p1/a@1.1', 'p1/b@1.0', 'p2/b@1.0'];
      expect(await list()).toEqual(all);
      expect(await list({}, 2, 2)).toEqual(all.slice(2, 4));
      expect(await list({}, 10, 6)).toEqual([]);
      expect(await list({ project: 'p1' })).toEqual(all.slice(1, 5));
      expect(await list({ project: null })).toEqual(['-/z@1.0']);
      expect(await list({ namePrefix: 'b' })).toEqual(['p1/b@1.0', 'p2/b@1.0']);
      expect(await list({ latestOnly: true, project: 'p1' })).toEqual([
        'p1/B@1.0',
        'p1/a@1.1',
        'p1/b@1.0',
      ]);
    });

    it('locks by compare-and-set: the holder keeps it, others get CATALOGUE_LOCKED naming the holder', async () => {
      const record = await store().putCatalogue(put(), at(0));
      const locked = await store().lockCatalogue(WS, record.id, { holder: 'ann' }, at(1));
      expect(locked.lock).toEqual({
        holder: 'ann',
        since: at(1).toISOString(),
        timeoutSeconds: null,
      });
      expect((await store().getCatalogueById(WS, record.id))?.lock).toEqual(locked.lock);

      const refused = await rejectionOf(
        store().lockCatalogue(WS, record.id, { holder: 'bob' }, at(2)),
      );
      expect(refused).toBeInstanceOf(CatalogueLockedError);
      expect(refused).toMatchObject({ code: 'CATALOGUE_LOCKED', holder: 'ann' });
      expect((refused as Error).message).toContain('ann');
      await expect(
        store().unlockCatalogue(WS, record.id, { holder: 'bob' }, at(2)),
      ).rejects.toMatchObject({ code: 'CATALOGUE_LOCKED', details: { holder: 'ann' } });
      await expect(store().putCatalogue(put({ actor: 'bob' }), at(2))).rejects.toMatchObject({
        code: 'CATALOGUE_LOCKED',
        details: { holder: 'ann' },
      });

      // The holder's own put keeps the record locked.
      const edited = await store().putCatalogue(put({ actor: 'ann', keepId: true }), at(3));
      expect(edited.lock?.holder).toBe('ann');
      const unlocked = await store().unlockCatalogue(WS, record.id, { holder: 'ann' }, at(4));
      expect(unlocked.lock).toBeNull();
      expect((await store().getCatalogueByName(coverage))?.lock).toBeNull();
      await expect(
        store().lockCatalogue(WS, record.id, { holder: 'bob' }, at(5)),
      ).resolves.toMatchObject({ lock: { holder: 'bob' } });
    });

    it('lets an admin force a lock, and counts a lock past its timeout as free', async () => {
      const record = await store().putCatalogue(put(), at(0));
      await store().lockCatalogue(WS, record.id, { holder: 'ann', timeoutSeconds: 60 }, at(0));
      await expect(
        store().lockCatalogue(WS, record.id, { holder: 'bob' }, at(59)),
      ).rejects.toMatchObject({ code: 'CATALOGUE_LOCKED' });
      const taken = await store().lockCatalogue(WS, record.id, { holder: 'bob' }, at(60));
      expect(taken.lock).toMatchObject({ holder: 'bob', since: at(60).toISOString() });

      const forced = await store().lockCatalogue(
        WS,
        record.id,
        { holder: 'admin', force: true },
        at(61),
      );
      expect(forced.lock?.holder).toBe('admin');
      await expect(
        store().unlockCatalogue(WS, record.id, { holder: 'root', force: true }, at(62)),
      ).resolves.toMatchObject({ lock: null });
      await expect(
        store().lockCatalogue(WS, 'f'.repeat(24), { holder: 'ann' }, at(63)),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('of many lockers at once, exactly one wins and every loser is told who', async () => {
      const record = await store().putCatalogue(put(), at(0));
      const holders = Array.from({ length: 8 }, (_, i) => `tester-${i}`);
      const outcomes = await Promise.allSettled(
        holders.map((holder) => store().lockCatalogue(WS, record.id, { holder }, at(1))),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      const winner = (won[0] as PromiseFulfilledResult<CatalogueRecord>).value.lock?.holder;
      expect(holders).toContain(winner);
      expect(lost).toHaveLength(holders.length - 1);
      for (const outcome of lost)
        expect(outcome.reason).toMatchObject({ code: 'CATALOGUE_LOCKED', holder: winner });
      expect((await store().getCatalogueById(WS, record.id))?.lock?.holder).toBe(winner);
    });

    it('keeps large text bodies whole through every read, a lock and a delete', async () => {
      // A generated file's pieces are 512 KiB of text; the embedded store keeps such bodies in files.
      const piece = (n: number) => `${n}:` + 'é,"x"\r\n'.repeat(70_000) + '\uD83D\uDE00';
      const name = { ...coverage, kind: 'dataset-chunk', name: 'big' };
      const first = await store().putCatalogue({ ...name, body: piece(1), actor: 'ann' }, at(0));
      await store().putCatalogue({ ...name, body: piece(2), actor: 'ann' }, at(1));
      expect(first.body).toBe(piece(1));
      expect((await store().getCatalogueByName(name))?.body).toBe(piece(2));
      expect((await store().getCatalogueByName(name, '1.0'))?.body).toBe(piece(1));
      expect((await store().getCatalogueById(WS, first.id))?.body).toBe(piece(1));
      const listed = await store().listCatalogue({
        workspace: WS,
        kind: 'dataset-chunk',
        page: { offset: 0, limit: 10 },
      });
      expect(listed.map((r) => r.body)).toEqual([piece(1), piece(2)]);
      const locked = await store().lockCatalogue(WS, first.id, { holder: 'ann' }, at(2));
      expect(locked.body).toBe(piece(1));
      expect(Object.keys(locked).sort()).toEqual(Object.keys(first).sort());
      expect(await store().deleteCatalogue({ ...name, actor: 'ann', force: true }, at(3))).toBe(2);
      expect(await store().getCatalogueByName(name)).toBeUndefined();
    });

    it('keeps bodies of bytes as bytes, small or large, even when the caller reuses its buffer', async () => {
      // A generated file's pieces come as bytes; one may end inside a character ("é" is C3 A9).
      const large = Buffer.from(`${'é,"x"\r\n'.repeat(70_000)}é`).subarray(0, -1);
      const small = Uint8Array.of(0x61, 0xc3);
      const name = { ...coverage, kind: 'dataset-chunk', name: 'bytes' };
      const reused = Buffer.from(large);
      const first = await store().putCatalogue({ ...name, body: reused, actor: 'ann' }, at(0));
      reused.fill(0);
      await store().putCatalogue({ ...name, body: small, actor: 'ann' }, at(1));
      await store().putCatalogue({ ...name, body: new Uint8Array(0), actor: 'ann' }, at(2));
      const bodies = async () =>
        (
          await store().listCatalogue({
            workspace: WS,
            kind: 'dataset-chunk',
            page: { offset: 0, limit: 10 },
          })
        ).map((r) => r.body);
      // Compared as hex digests: a diff of two 500 KiB buffers takes the runner ages to print.
      const digest = (body: unknown) =>
        Buffer.isBuffer(body) ? createHash('sha256').update(body).digest('hex') : typeof body;
      const want = [large, Buffer.from(small), Buffer.alloc(0)].map(digest);
      expect((await bodies()).map(digest)).toEqual(want);
      expect(digest((await store().getCatalogueById(WS, first.id))?.body)).toBe(want[0]);
      expect(digest((await store().getCatalogueByName(name, '1.1'))?.body)).toBe(want[1]);
      const locked = await store().lockCatalogue(WS, first.id, { holder: 'ann' }, at(3));
      expect(digest(locked.body)).toBe(want[0]);
      expect(await store().deleteCatalogue({ ...name, actor: 'ann', force: true }, at(4))).toBe(3);
      expect(await bodies()).toEqual([]);
    });
    it('deletes one version or all of a name, but not a version someone else has locked', async () => {
      const first = await store().putCatalogue(put(), at(0));
      await store().putCatalogue(put(), at(1));
      const third = await store().putCatalogue(put(), at(2));
      const target = { ...coverage, actor: 'ann' };
      expect(await store().deleteCatalogue({ ...target, version: '1.1' }, at(3))).toBe(1);
      expect(await store().getCatalogueByName(coverage, '1.1')).toBeUndefined();
      expect(await store().deleteCatalogue({ ...target, version: '1.1' }, at(3))).toBe(0);

      await store().lockCatalogue(WS, first.id, { holder: 'bob' }, at(4));
      await expect(store().deleteCatalogue(target, at(5))).rejects.toMatchObject({
        code: 'CATALOGUE_LOCKED',
        details: { holder: 'bob' },
      });
      expect((await store().getCatalogueById(WS, third.id))?.version).toBe('1.2');
      expect(await store().deleteCatalogue({ ...target, force: true }, at(6))).toBe(2);
      expect(await store().getCatalogueByName(coverage)).toBeUndefined();
      expect(await store().getCatalogueById(WS, first.id)).toBeUndefined();
      await expect(store().putCatalogue(put(), at(7))).resolves.toMatchObject({ version: '1.0' });
    });
  });
}
