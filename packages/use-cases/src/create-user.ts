import type { TenancyStore, UserRecord } from '@allot/core';

/** What creating a user did: `exists` leaves the stored user as it was. */
export type UserCreation = { kind: 'created'; user: UserRecord } | { kind: 'exists' };

/** Stores a new user of a workspace unless one has this id already. */
export async function createUser(
  store: TenancyStore,
  user: Omit<UserRecord, 'createdAt'>,
  now: Date,
): Promise<UserCreation> {
  if ((await store.getUser(user.workspace, user.id)) !== undefined) return { kind: 'exists' };
  const created: UserRecord = { ...user, createdAt: now.toISOString() };
  await store.putUser(created);
  return { kind: 'created', user: created };
}
