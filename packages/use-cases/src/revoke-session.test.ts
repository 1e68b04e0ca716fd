import { openMemoryStore } from '@allot/core';
import { describe, expect, it } from 'vitest';
import { isSessionRevoked, revokeSession } from './revoke-session.js';

describe('revokeSession', () => {
  it('revokes once, and forgets revocations of tokens that have expired anyway', async () => {
    const store = await openMemoryStore();
    const t0 = new Date('2026-03-01T10:00:00Z');
    const old = { workspace: 'w', id: 'a', user: 'u', expiresAt: '2026-03-01T11:00:00.000Z' };
    await revokeSession(store, old, t0);
    await revokeSession(store, old, t0);
    expect(await isSessionRevoked(store, 'w', 'a')).toBe(true);
    expect(await isSessionRevoked(store, 'w', 'b')).toBe(false);

    const later = new Date('2026-03-01T12:00:00Z');
    await revokeSession(store, { ...old, id: 'b', expiresAt: '2026-03-02T12:00:00.000Z' }, later);
    expect(await isSessionRevoked(store, 'w', 'a')).toBe(false);
    expect(await isSessionRevoked(store, 'w', 'b')).toBe(true);
  });
});
