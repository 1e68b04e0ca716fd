import { describe, expect, it } from 'vitest';
import {
  CatalogueInUseError,
  type CatalogueDelete,
  type CatalogueName,
  type CataloguePut,
  type Store,
} from '@allot/core';

const WS = 'contract';
const T0 = new Date('2030-01-01T00:00:00Z');

const view = (name: string, project = 'p1'): CatalogueName => ({
  kind: 'data-view',
  workspace: WS,
  project,
  name,
});

/** A workset naming a view, and requiring it. */
const worksetOf = (name: string, viewName: string, project = 'p1'): CataloguePut => ({
  kind: 'workset',
  workspace: WS,
  project,
  name,
  body: { view: viewName },
  actor: 'ann',
  requires: [{ ...view(viewName, project), version: '1.0', field: 'entity.view' }],
});

/** A delete of every version of a view, refused while a workset names it. */
const deleteView = (name: string, project = 'p1'): CatalogueDelete => ({
  ...view(name, project),
  actor: 'ann',
  unlessUsedBy: {
    kind: 'workset',
    uses: (body) => (body as { view: string }).view === name,
  },
});

async function putView(store: Store, name: string, project = 'p1'): Promise<void> {
  await store.putCatalogue({ ...view(name, project), body: {}, actor: 'ann' }, T0);
}

/**
 * References between catalogue records: a put that requires other
 * versions and a delete refused while a record uses it, each checked in
 * the operation's own atomic step, so of a put and a delete racing one is
 * refused and no record is left naming one that is gone.
 */
export function describeCatalogueReferencesContract(store: () => Store): void {
  describe('catalogue references', () => {
    it('stores a put whose required versions exist, and refuses one naming a version that does not, naming the field', async () => {
      await putView(store(), 'combo');
      expect((await store().putCatalogue(worksetOf('night', 'combo'), T0)).version).toBe('1.0');
      const missing = worksetOf('day', 'combo');
      await expect(
        store().putCatalogue(
          { ...missing, requires: [{ ...view('combo'), version: '1.1', field: 'entity.view' }] },
          T0,
        ),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { kind: 'data-view', name: 'combo', version: '1.1', field: 'entity.view' },
      });
      await expect(store().putCatalogue(worksetOf('day', 'gone'), T0)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(
        await store().getCatalogueByName({
          kind: 'workset',
          workspace: WS,
          project: 'p1',
          name: 'day',
        }),
      ).toBeUndefined();
    });

    it('checks the exact version a put requires: one version deleted, the others stay requirable', async () => {
      await putView(store(), 'combo');
      await putView(store(), 'combo');
      // Only version 1.0 goes, refused while a workset names that version.
      const deleteVersion = (version: string): CatalogueDelete => ({
        ...view('combo'),
        version,
        actor: 'ann',
        unlessUsedBy: {
          kind: 'workset',
          uses: (body) => (body as { view: string; version?: string }).version === version,
        },
      });
      expect(await store().deleteCatalogue(deleteVersion('1.0'), T0)).toBe(1);
      const requiring = (name: string, version: string): CataloguePut => ({
        ...worksetOf(name, 'combo'),
        body: { view: 'combo', version },
        requires: [{ ...view('combo'), version, field: 'entity.view' }],
      });
      await expect(store().putCatalogue(requiring('old', '1.0'), T0)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { kind: 'data-view', name: 'combo', version: '1.0', field: 'entity.view' },
      });
      expect((await store().putCatalogue(requiring('new', '1.1'), T0)).version).toBe('1.0');
      await expect(store().deleteCatalogue(deleteVersion('1.1'), T0)).rejects.toMatchObject({
        code: 'IN_USE',
        user: { kind: 'workset', name: 'new', version: '1.0' },
      });

      // Racing: a put requiring a version and the delete of that version alone, never both.
      for (let round = 0; round < 8; round++) {
        const name = `versioned-${round}`;
        await putView(store(), name);
        await putView(store(), name);
        const [put, deleted] = await Promise.allSettled([
          store().putCatalogue(
            {
              ...worksetOf(`pinned-${round}`, name),
              body: { view: name, version: '1.0' },
              requires: [{ ...view(name), version: '1.0', field: 'entity.view' }],
            },
            T0,
          ),
          store().deleteCatalogue(
            {
              ...view(name),
              version: '1.0',
              actor: 'ann',
              unlessUsedBy: {
                kind: 'workset',
                uses: (body) => {
                  const named = body as { view: string; version: string };
                  return named.view === name && named.version === '1.0';
                },
              },
            },
            T0,
          ),
        ]);
        expect([put.status, deleted.status].sort()).toEqual(['fulfilled', 'rejected']);
        // The version a stored workset names is still there.
        const stored = await store().getCatalogueByName({
          kind: 'workset',
          workspace: WS,
          project: 'p1',
          name: `pinned-${round}`,
        });
        const pinned = await store().getCatalogueByName(view(name), '1.0');
        expect(stored === undefined).toBe(pinned === undefined);
      }
    });

    it('refuses a delete while any version of a record in its project uses it, and deletes once none does', async () => {
      await putView(store(), 'combo');
      await putView(store(), 'other');
      await store().putCatalogue(worksetOf('night', 'combo'), T0);
      // Version 1.1 moves to the other view; 1.0 still names combo.
      await store().putCatalogue(worksetOf('night', 'other'), T0);
      const refused = await store()
        .deleteCatalogue(deleteView('combo'), T0)
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(CatalogueInUseError);
      expect(refused).toMatchObject({
        code: 'IN_USE',
        user: { kind: 'workset', name: 'night', version: '1.0' },
      });
      expect(await store().getCatalogueByName(view('combo'))).toBeDefined();

      // A workset of another project naming a view of that name is no user.
      await putView(store(), 'solo', 'p1');
      await putView(store(), 'solo', 'p2');
      await store().putCatalogue(worksetOf('elsewhere', 'solo', 'p2'), T0);
      expect(await store().deleteCatalogue(deleteView('solo'), T0)).toBe(1);

      await store().deleteCatalogue(
        { kind: 'workset', workspace: WS, project: 'p1', name: 'night', actor: 'ann' },
        T0,
      );
      expect(await store().deleteCatalogue(deleteView('combo'), T0)).toBe(1);
    });

    it('refuses a delete while a record of any of several kinds uses it, naming the first kind given first', async () => {
      await putView(store(), 'shared');
      const byKinds = (kinds: string[]): CatalogueDelete => ({
        ...view('shared'),
        actor: 'ann',
        unlessUsedBy: kinds.map((kind) => ({
          kind,
          uses: (body) => (body as { view: string }).view === 'shared',
        })),
      });
      await store().putCatalogue({ ...worksetOf('a', 'shared'), kind: 'report' }, T0);
      await store().putCatalogue(worksetOf('b', 'shared'), T0);
      await expect(
        store().deleteCatalogue(byKinds(['workset', 'report']), T0),
      ).rejects.toMatchObject({ code: 'IN_USE', user: { kind: 'workset', name: 'b' } });
      await expect(
        store().deleteCatalogue(byKinds(['report', 'workset']), T0),
      ).rejects.toMatchObject({ code: 'IN_USE', user: { kind: 'report', name: 'a' } });
      await store().deleteCatalogue(
        { kind: 'workset', workspace: WS, project: 'p1', name: 'b', actor: 'ann' },
        T0,
      );
      // The second kind alone still keeps it.
      await expect(
        store().deleteCatalogue(byKinds(['workset', 'report']), T0),
      ).rejects.toMatchObject({ code: 'IN_USE', user: { kind: 'report', name: 'a' } });
      expect(await store().getCatalogueByName(view('shared'))).toBeDefined();
      await store().deleteCatalogue(
        { kind: 'report', workspace: WS, project: 'p1', name: 'a', actor: 'ann' },
        T0,
      );
      expect(await store().deleteCatalogue(byKinds(['workset', 'report']), T0)).toBe(1);
    });

    it('refuses one of a put requiring a record and a delete of it that race, never both', async () => {
      for (let round = 0; round < 16; round++) {
        const name = `view-${round}`;
        await putView(store(), name);
        const [put, deleted] = await Promise.allSettled([
          store().putCatalogue(worksetOf(`set-${round}`, name), T0),
          store().deleteCatalogue(deleteView(name), T0),
        ]);
        expect([put.status, deleted.status].sort()).toEqual(['fulfilled', 'rejected']);
        const stored = await store().getCatalogueByName({
          kind: 'workset',
          workspace: WS,
          project: 'p1',
          name: `set-${round}`,
        });
        const viewLeft = await store().getCatalogueByName(view(name));
        // The workset is there exactly when its view still is.
        expect(stored === undefined).toBe(viewLeft === undefined);
      }
    });
  });
}
