import { describe, beforeEach, expect, it } from 'vitest';
import type { BlockStore, JobStore, PoolStore, TenancyStore } from '@allot/core';
import { commit, customers, later, T0, test, WS } from './contract-fixtures.js';

/** The tenancy slice: workspaces, API keys and users, and nothing of a workspace seen from another. */
export function describeTenancyContract(
  current: () => TenancyStore & BlockStore & PoolStore & JobStore,
): void {
  describe('tenancy', () => {
    let store: TenancyStore & BlockStore & PoolStore & JobStore;
    beforeEach(() => {
      store = current();
    });

    it('keeps workspaces apart', async () => {
      await store.addBlockVersion(WS, customers);
      await store.putPool(WS, {
        name: 'shop',
        key: 'id',
        blocks: [{ name: 'customers' }],
        secrets: [],
        tests: [],
      });
      const id = await store.reserveJobId(WS);
      await store.commitJob(commit(id, [test('a', ['c1'])]), T0);
      expect(await store.getBlock('elsewhere', 'customers')).toBeUndefined();
      expect(await store.listPools('elsewhere')).toEqual([]);
      expect(await store.getJob('elsewhere', id)).toBeUndefined();
      expect(
        await store.getResult('elsewhere', { pool: 'shop', suite: 's', test: 'a' }),
      ).toBeUndefined();
      expect((await store.claimState('elsewhere', ['customers'], T0)).leases.size).toBe(0);
    });

    it('keeps workspaces, API keys and users', async () => {
      await store.createWorkspace({ id: 'acme', name: 'Acme', createdAt: T0.toISOString() });
      await expect(
        store.createWorkspace({ id: 'acme', name: 'Again', createdAt: T0.toISOString() }),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
      expect(await store.getWorkspace('acme')).toMatchObject({ name: 'Acme' });
      expect((await store.listWorkspaces()).map((w) => w.id)).toEqual(['acme']);

      const key = {
        id: 'k1',
        workspace: 'acme',
        name: 'ci',
        role: 'tester' as const,
        secretHash: 'ab',
        userId: null,
        createdAt: T0.toISOString(),
        revokedAt: null,
      };
      await store.putApiKey(key);
      expect(await store.findApiKey('k1')).toEqual(key);
      expect(await store.findApiKey('constructor')).toBeUndefined();
      await store.putApiKey({ ...key, revokedAt: later(5).toISOString() });
      expect((await store.findApiKey('k1'))?.revokedAt).toBe(later(5).toISOString());
      expect((await store.listApiKeys('acme')).map((k) => k.id)).toEqual(['k1']);
      expect(await store.listApiKeys('other')).toEqual([]);

      const user = {
        id: 'u1',
        workspace: 'acme',
        name: 'Ada',
        email: 'ada@example.test',
        role: 'manager' as const,
        createdAt: T0.toISOString(),
      };
      await store.putUser(user);
      expect(await store.getUser('acme', 'u1')).toMatchObject(user);
      expect(await store.getUser('other', 'u1')).toBeUndefined();
      expect((await store.listUsers('acme')).map((u) => u.id)).toEqual(['u1']);

      // A user stored without the account fields reads as active, no SuperUser, no password.
      const plain = await store.getUser('acme', 'u1');
      expect([plain?.active !== false, plain?.superUser === true, plain?.password == null]).toEqual(
        [true, false, true],
      );
      const account = {
        ...user,
        active: false,
        superUser: true,
        password: {
          algorithm: 'scrypt' as const,
          salt: 'c2FsdA==',
          cost: 16384,
          blockSize: 8,
          parallelism: 1,
          keyLength: 32,
          hash: 'aGFzaA==',
        },
      };
      await store.putUser(account);
      expect(await store.getUser('acme', 'u1')).toEqual(account);
      expect(await store.listUsers('acme')).toEqual([account]);
      await store.putUser({ ...account, active: true, password: null });
      expect(await store.getUser('acme', 'u1')).toMatchObject({ active: true, password: null });
      expect(await store.deleteUser('acme', 'u1')).toBe(true);
      expect(await store.deleteUser('acme', 'u1')).toBe(false);
    });
  });
}
