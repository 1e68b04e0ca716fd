import { beforeEach, describe, expect, it } from 'vitest';
import { isAllotError, type NewProject, type ProjectStore } from '@allot/core';
import { T0, WS } from './contract-fixtures.js';

function project(name: string, extra: Partial<NewProject> = {}): NewProject {
  return {
    workspace: WS,
    name,
    version: '1.0',
    description: '',
    tags: [],
    members: [],
    createdBy: 'k1',
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
    ...extra,
  };
}

/** The projects slice: numbered per workspace, unique by name and version, changed atomically. */
export function describeProjectsContract(current: () => ProjectStore): void {
  describe('projects', () => {
    let store: ProjectStore;
    beforeEach(() => {
      store = current();
    });

    it('numbers projects per workspace from 1 and never reuses an id', async () => {
      const a = await store.createProject(project('checkout', { tags: ['web'] }));
      const b = await store.createProject(project('checkout', { version: '2.0' }));
      const other = await store.createProject(project('checkout', { workspace: 'other' }));
      expect([a.id, b.id, other.id]).toEqual([1, 2, 1]);
      expect(await store.deleteProject(WS, b.id)).toBe(true);
      expect(await store.deleteProject(WS, b.id)).toBe(false);
      expect((await store.createProject(project('billing'))).id).toBe(3);
      expect(await store.getProject(WS, 1)).toEqual(a);
      expect(a.tags).toEqual(['web']);
      expect(await store.getProject('other', 3)).toBeUndefined();
    });

    it('finds a project by name and version, within its workspace only', async () => {
      await store.createProject(project('checkout'));
      const v2 = await store.createProject(project('checkout', { version: '2.0' }));
      expect(await store.findProject(WS, 'checkout', '2.0')).toEqual(v2);
      expect(await store.findProject(WS, 'checkout', '3.0')).toBeUndefined();
      expect(await store.findProject('other', 'checkout', '2.0')).toBeUndefined();
    });

    it('refuses a second project of one name and version, even at once', async () => {
      const attempts = await Promise.allSettled(
        Array.from({ length: 6 }, () => store.createProject(project('checkout'))),
      );
      const created = attempts.filter((a) => a.status === 'fulfilled');
      expect(created).toHaveLength(1);
      for (const attempt of attempts) {
        if (attempt.status === 'rejected') {
          expect(isAllotError(attempt.reason) && attempt.reason.code).toBe('ALREADY_EXISTS');
        }
      }
      expect(await store.listProjects(WS, { limit: 10, offset: 0 })).toHaveLength(1);
    });

    it('lists by id, one page at a time', async () => {
      for (const name of ['a', 'b', 'c']) await store.createProject(project(name));
      const page = await store.listProjects(WS, { limit: 2, offset: 1 });
      expect(page.map((p) => p.name)).toEqual(['b', 'c']);
    });

    it('changes a project atomically: concurrent member additions are all kept', async () => {
      const { id } = await store.createProject(project('checkout'));
      await Promise.all(
        ['u1', 'u2', 'u3', 'u4', 'u5'].map((user) =>
          store.updateProject(WS, id, (p) => ({
            ...p,
            members: [...p.members, { user, role: 'edit', since: T0.toISOString() }],
          })),
        ),
      );
      const members = (await store.getProject(WS, id))?.members.map((m) => m.user);
      expect(members?.sort()).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    });

    it('writes nothing when a change fails or clashes with another project', async () => {
      const a = await store.createProject(project('checkout'));
      await store.createProject(project('billing'));
      await expect(
        store.updateProject(WS, a.id, (p) => ({ ...p, name: 'billing', description: 'x' })),
      ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
      await expect(
        store.updateProject(WS, a.id, () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store.getProject(WS, a.id)).toEqual(a);
      await expect(store.updateProject(WS, 99, (p) => p)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(store.updateProject('other', a.id, (p) => p)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });
}
