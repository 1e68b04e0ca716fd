import { AllotError, type CatalogueStore, type TenancyStore } from '@allot/core';
import { readUser } from './read-user.js';
import { acceptedTwoFactorStep, type TwoFactorOwner } from './two-factor-secret.js';

/**
 * Turns a user's TOTP off. An enabled one needs a current code, so a
 * stolen session token alone cannot remove the second factor; a pending
 * (unconfirmed) one is simply dropped.
 *
 * @throws {@link AllotError} `INVALID_INPUT` (field `code`) when none is enabled or the code is wrong
 */
export async function disableTwoFactor(
  store: TenancyStore & CatalogueStore,
  owner: TwoFactorOwner,
  code: string | undefined,
  now: Date,
): Promise<void> {
  const user = await readUser(store, owner.workspace, owner.user);
  const factor = user.twoFactor;
  if (factor == null)
    throw new AllotError('INVALID_INPUT', 'two-factor authentication is not enabled', {
      field: 'two_factor',
    });
  if (factor.enabledAt !== null) {
    const step =
      code === undefined ? null : await acceptedTwoFactorStep(store, owner, factor, code, now);
    if (step === null)
      throw new AllotError(
        'INVALID_INPUT',
        code === undefined
          ? 'a current two-factor code is needed to disable it'
          : 'the two-factor code is wrong or expired',
        { field: 'code' },
      );
  }
  await store.putUser({ ...user, twoFactor: null });
}
