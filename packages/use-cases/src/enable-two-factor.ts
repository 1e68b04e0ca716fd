import { AllotError, type CatalogueStore, type TenancyStore } from '@allot/core';
import { readUser } from './read-user.js';
import {
  acceptedTwoFactorStep,
  newTwoFactorSecret,
  sealTwoFactorSecret,
  twoFactorUri,
  type TwoFactorOwner,
} from './two-factor-secret.js';

/** What an authenticator app needs, shown once: the secret and its `otpauth://` URI. */
export interface TwoFactorSetup {
  secret: string;
  uri: string;
}

/**
 * Starts turning on TOTP for a user: a new secret, stored sealed and
 * pending (not asked for at login until confirmed), answered this once. A
 * second start before confirming replaces the pending secret.
 *
 * @throws {@link AllotError} `ALREADY_EXISTS` when the user has two-factor enabled; `NOT_FOUND`
 */
export async function startTwoFactor(
  store: TenancyStore & CatalogueStore,
  owner: TwoFactorOwner,
  issuer: string,
  now: Date,
): Promise<TwoFactorSetup> {
  const user = await readUser(store, owner.workspace, owner.user);
  if (user.twoFactor?.enabledAt != null)
    throw new AllotError('ALREADY_EXISTS', 'two-factor authentication is already enabled', {
      field: 'two_factor',
    });
  const secret = newTwoFactorSecret();
  const sealed = await sealTwoFactorSecret(store, owner, secret, now);
  await store.putUser({ ...user, twoFactor: { secret: sealed, enabledAt: null, lastStep: null } });
  return { secret, uri: twoFactorUri(secret, issuer, user.email || user.id) };
}

/**
 * Confirms the pending secret with a code from the app: from then on the
 * login asks for a code.
 *
 * @throws {@link AllotError} `INVALID_INPUT` (field `code`) with nothing pending or a wrong code;
 *   `ALREADY_EXISTS` when already enabled
 */
export async function confirmTwoFactor(
  store: TenancyStore & CatalogueStore,
  owner: TwoFactorOwner,
  code: string,
  now: Date,
): Promise<void> {
  const user = await readUser(store, owner.workspace, owner.user);
  const pending = user.twoFactor;
  if (pending == null)
    throw new AllotError(
      'INVALID_INPUT',
      'no two-factor setup to confirm: ask for a secret first (without a code)',
      { field: 'code' },
    );
  if (pending.enabledAt !== null)
    throw new AllotError('ALREADY_EXISTS', 'two-factor authentication is already enabled', {
      field: 'two_factor',
    });
  const step = await acceptedTwoFactorStep(store, owner, pending, code, now);
  if (step === null)
    throw new AllotError('INVALID_INPUT', 'the two-factor code is wrong or expired', {
      field: 'code',
    });
  await store.putUser({
    ...user,
    twoFactor: { ...pending, enabledAt: now.toISOString(), lastStep: step },
  });
}
