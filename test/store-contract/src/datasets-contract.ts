import { beforeEach, describe, expect, it } from 'vitest';
import { isAllotError, type DatasetStore, type ProjectStore } from '@allot/core';
import { T0, WS } from './contract-fixtures.js';

async function newProject(store: ProjectStore, name: string, workspace = WS): Promise<number> {
  const project = await store.createProject({
    workspace,
    name,
    version: '1.0',
    description: '',
    tags: [],
    members: [],
    createdBy: 'k1',
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
  });
  return project.id;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isAllotError(error) ? error.code : String(error);
  }
}

/**
 * The datasets slice: variables and datasets numbered per workspace, names
 * unique per project, a Default dataset written with its project, values that go with their
 * dataset, variable or project.
 */
export function describeDatasetsContract(current: () => DatasetStore & ProjectStore): void {
  describe('datasets', () => {
    let store: DatasetStore & ProjectStore;
    let project: number;
    beforeEach(async () => {
      store = current();
      project = await newProject(store, 'checkout');
    });

    it('writes a Default dataset with every project, numbered as datasets are', async () => {
      expect(await store.listDatasets(WS, project, { limit: 10, offset: 0 })).toEqual([
        { id: 1, workspace: WS, project, name: 'Default', isDefault: true, values: {} },
      ]);
      const second = await newProject(store, 'billing');
      const other = await newProject(store, 'billing', 'other');
      expect(await store.listDatasets(WS, second, { limit: 10, offset: 0 })).toMatchObject([
        { id: 2, name: 'Default', isDefault: true },
      ]);
      expect(await store.listDatasets('other', other, { limit: 10, offset: 0 })).toMatchObject([
        { id: 1, name: 'Default', isDefault: true },
      ]);
      expect(
        await codeOf(store.addDataset({ workspace: WS, project, name: 'Default', values: {} })),
      ).toBe('ALREADY_EXISTS');
      expect(await store.countDatasets(WS, project)).toBe(1);
    });

    it('writes no project and no Default dataset when the create is refused', async () => {
      expect(await codeOf(newProject(store, 'checkout'))).toBe('ALREADY_EXISTS');
      const next = await newProject(store, 'billing');
      expect(await store.listDatasets(WS, next, { limit: 10, offset: 0 })).toMatchObject([
        { id: 2, name: 'Default' },
      ]);
    });

    it('numbers datasets and variables per workspace, stores values by variable id', async () => {
      const age = await store.addVariable(WS, project, 'age');
      const browser = await store.addVariable(WS, project, 'browser');
      expect([age.id, browser.id]).toEqual([1, 2]);
      const added = await store.addDataset({
        workspace: WS,
        project,
        name: 'Ringo',
        values: { [String(age.id)]: '38' },
      });
      expect(added).toEqual({
        id: 2,
        workspace: WS,
        project,
        name: 'Ringo',
        isDefault: false,
        values: { [String(age.id)]: '38' },
      });
      expect(await store.getDataset(WS, added.id)).toEqual(added);
      expect(await store.getDataset('other', added.id)).toBeUndefined();
      expect(await store.listVariables(WS, project)).toEqual([age, browser]);
      const otherProject = await newProject(store, 'other', 'other');
      expect((await store.addVariable('other', otherProject, 'age')).id).toBe(1);
    });

    it('refuses a second dataset or variable of one name in a project, even at once', async () => {
      const attempts = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          store.addDataset({ workspace: WS, project, name: 'same', values: {} }),
        ),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      expect(await codeOf(store.addVariable(WS, project, 'v'))).toBeUndefined();
      expect(await codeOf(store.addVariable(WS, project, 'v'))).toBe('ALREADY_EXISTS');
      const second = await newProject(store, 'billing');
      expect(await codeOf(store.addVariable(WS, second, 'v'))).toBeUndefined();
      expect(
        await codeOf(
          store.addDataset({ workspace: WS, project: second, name: 'same', values: {} }),
        ),
      ).toBeUndefined();
    });

    it('refuses values for a variable of another project and writes nothing', async () => {
      const second = await newProject(store, 'billing');
      const foreign = await store.addVariable(WS, second, 'x');
      expect(
        await codeOf(
          store.addDataset({
            workspace: WS,
            project,
            name: 'd',
            values: { [String(foreign.id)]: 'v' },
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(await store.countDatasets(WS, project)).toBe(1);
    });

    it('updates name and some values atomically, keeping the others', async () => {
      const a = await store.addVariable(WS, project, 'a');
      const b = await store.addVariable(WS, project, 'b');
      const d = await store.addDataset({
        workspace: WS,
        project,
        name: 'd',
        values: { [String(a.id)]: '1', [String(b.id)]: '2' },
      });
      await store.addDataset({ workspace: WS, project, name: 'taken', values: {} });
      const updated = await store.updateDataset(WS, d.id, {
        name: 'e',
        values: { [String(b.id)]: '3' },
      });
      expect(updated.values).toEqual({ [String(a.id)]: '1', [String(b.id)]: '3' });
      expect(updated.name).toBe('e');
      expect(await codeOf(store.updateDataset(WS, d.id, { name: 'taken' }))).toBe('ALREADY_EXISTS');
      expect(await codeOf(store.updateDataset(WS, d.id, { values: { '999': 'x' } }))).toBe(
        'NOT_FOUND',
      );
      expect(await store.getDataset(WS, d.id)).toEqual(updated);
      expect(await codeOf(store.updateDataset(WS, 999, { name: 'x' }))).toBe('NOT_FOUND');
    });

    it('pages datasets by id and deletes them with their values', async () => {
      const v = await store.addVariable(WS, project, 'v');
      for (let i = 0; i < 5; i++)
        await store.addDataset({
          workspace: WS,
          project,
          name: `d${i}`,
          values: { [String(v.id)]: String(i) },
        });
      const page = await store.listDatasets(WS, project, { limit: 2, offset: 2 });
      expect(page.map((d) => d.name)).toEqual(['d1', 'd2']);
      expect(await store.countDatasets(WS, project)).toBe(6);
      expect(await store.deleteDataset(WS, page[0]!.id)).toBe(true);
      expect(await store.deleteDataset(WS, page[0]!.id)).toBe(false);
      expect(await store.countDatasets(WS, project)).toBe(5);
      const next = await store.addDataset({ workspace: WS, project, name: 'd1', values: {} });
      expect(next.id).toBe(7);
    });

    it('renames and deletes variables; a deleted variable leaves no value behind', async () => {
      const v = await store.addVariable(WS, project, 'v');
      const w = await store.addVariable(WS, project, 'w');
      const d = await store.addDataset({
        workspace: WS,
        project,
        name: 'd',
        values: { [String(v.id)]: 'x', [String(w.id)]: 'y' },
      });
      expect(await codeOf(store.renameVariable(WS, v.id, 'w'))).toBe('ALREADY_EXISTS');
      expect((await store.renameVariable(WS, v.id, 'v2')).name).toBe('v2');
      expect(await store.deleteVariable(WS, v.id)).toBe(true);
      expect(await store.deleteVariable(WS, v.id)).toBe(false);
      expect((await store.getDataset(WS, d.id))?.values).toEqual({ [String(w.id)]: 'y' });
      expect(await codeOf(store.renameVariable(WS, v.id, 'z'))).toBe('NOT_FOUND');
    });

    it("deletes a project's datasets and variables with it", async () => {
      const v = await store.addVariable(WS, project, 'v');
      const d = await store.addDataset({ workspace: WS, project, name: 'd', values: {} });
      await store.deleteProject(WS, project);
      expect(await store.getDataset(WS, d.id)).toBeUndefined();
      expect(await store.getVariable(WS, v.id)).toBeUndefined();
    });
  });
}
