import type { TenancyStore } from '@allot/core';
import { decoyHash, hashPassword, passwordMatches } from './password-hash.js';
import { readUser } from './read-user.js';

/**
 * Changes a user's password when the current one matches; false (and
 * nothing written) when it does not, or when the user has none yet.
 */
export async function changePassword(
  store: TenancyStore,
  target: { workspace: string; user: string },
  passwords: { current: string; next: string },
): Promise<boolean> {
  const user = await readUser(store, target.workspace, target.user);
  const stored = user.password ?? (await decoyHash());
  if (!(await passwordMatches(passwords.current, stored)) || user.password == null) return false;
  await store.putUser({ ...user, password: await hashPassword(passwords.next) });
  return true;
}
