import { openMemoryStore, type ApiKeyRecord } from '@allot/core';
import { describe, expect, it } from 'vitest';
import { createApiKey } from './create-api-key.js';
import { createUser } from './create-user.js';
import { deleteUser } from './delete-user.js';

const NOW = new Date('2030-01-01T00:00:00Z');

describe('deleting a user', () => {
  it("revokes the user's live keys and leaves every other key as it was", async () => {
    const store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    const user = { id: 'ann', workspace: 'w', name: 'Ann', email: 'ann@example.test' } as const;
    expect(await createUser(store, { ...user, role: 'tester' }, NOW)).toMatchObject({
      kind: 'created',
    });
    expect((await createUser(store, { ...user, role: 'admin' }, NOW)).kind).toBe('exists');
    const key = (id: string, userId: string | null) =>
      createApiKey(
        store,
        { workspace: 'w', name: id, role: 'tester', userId, now: NOW },
        { id, secretHash: `hash-${id}` },
      );
    await key('a1', 'ann');
    await key('a2', null);

    const later = new Date('2030-01-02T00:00:00Z');
    await deleteUser(store, 'w', 'ann', later);
    const revokedAt = (id: string) =>
      store.findApiKey(id).then((k: ApiKeyRecord | undefined) => k?.revokedAt);
    expect(await revokedAt('a1')).toBe(later.toISOString());
    expect(await revokedAt('a2')).toBeNull();
    await expect(deleteUser(store, 'w', 'ann', later)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
