import type { CatalogueStore, EventStore, TenancyStore, UserRecord } from '@allot/core';
import type { LoginAttempt, LoginThrottle } from './login-throttle.js';
import { decoyHash, passwordMatches } from './password-hash.js';
import { acceptedTwoFactorStep } from './two-factor-secret.js';

/**
 * Why a login was refused: `credentials` is one answer for every wrong
 * user or password; the two-factor reasons come only after the password
 * matched.
 */
export type LoginRefusal = 'credentials' | 'otp_required' | 'otp_invalid';

/** What a login came to: the user, a refusal, or a wait. */
export type LoginOutcome =
  | { kind: 'accepted'; user: UserRecord }
  | { kind: 'refused'; reason: LoginRefusal }
  | { kind: 'throttled'; retryAfterSeconds: number };

/** A login: the user by id or email, in a workspace, from an address. */
export interface LoginRequest extends LoginAttempt {
  password: string;
  /** The TOTP code, for a user with two-factor authentication enabled. */
  otp?: string | undefined;
}

async function findLoginUser(
  store: TenancyStore,
  workspace: string,
  user: string,
): Promise<UserRecord | undefined> {
  const byId = await store.getUser(workspace, user);
  if (byId !== undefined) return byId;
  const email = user.toLowerCase();
  return (await store.listUsers(workspace)).find((u) => u.email.toLowerCase() === email);
}

/** The kind of the event a refused or throttled login records. */
export const LOGIN_FAILED_EVENT = 'session.login_failed';

/**
 * Records a failed login as an event of the workspace: the name tried and
 * the address, never the password. Nothing is recorded for a workspace that
 * does not exist, so that guessed workspace names leave no trace in the store.
 */
async function recordFailure(
  store: TenancyStore & EventStore,
  request: LoginRequest,
  reason: 'refused' | 'throttled' | 'otp_required' | 'otp_invalid',
  now: Date,
): Promise<void> {
  if ((await store.getWorkspace(request.workspace)) === undefined) return;
  await store.appendEvent({
    workspace: request.workspace,
    kind: LOGIN_FAILED_EVENT,
    actor: `user:${request.user}`,
    ip: request.ip,
    project: null,
    subject: `user:${request.user}`,
    at: now.toISOString(),
    details: { user: request.user, ip: request.ip, reason },
  });
}

/**
 * Checks a user's password. An unknown user, a user with no password yet,
 * a deactivated user and a wrong password are all `refused` alike, after
 * the same scrypt work, so an answer tells nothing about which it was;
 * each refusal counts towards the throttle. Every refused or throttled
 * attempt is recorded as a `session.login_failed` event. A user with
 * two-factor authentication enabled also needs a current TOTP code
 * (`otp`), each code accepted once; a wrong code counts towards the throttle.
 */
export async function logIn(
  store: TenancyStore & CatalogueStore & EventStore,
  /** Undefined: no throttling. */
  throttle: LoginThrottle | undefined,
  request: LoginRequest,
  now: Date,
): Promise<LoginOutcome> {
  const wait = throttle === undefined ? 0 : await throttle.retryAfter(request, now);
  if (wait > 0) {
    await recordFailure(store, request, 'throttled', now);
    return { kind: 'throttled', retryAfterSeconds: wait };
  }
  const user = await findLoginUser(store, request.workspace, request.user);
  const stored = user?.password ?? (await decoyHash());
  const matches = await passwordMatches(request.password, stored);
  if (user === undefined || user.password == null || user.active === false || !matches) {
    await throttle?.fail({ ...request, user: user?.id ?? request.user }, now);
    await recordFailure(store, request, 'refused', now);
    return { kind: 'refused', reason: 'credentials' };
  }
  if (user.twoFactor?.enabledAt != null) {
    const owner = { workspace: user.workspace, user: user.id };
    if (request.otp === undefined || request.otp === '') {
      // The password was right: asking for the code counts as no failed guess.
      await recordFailure(store, request, 'otp_required', now);
      return { kind: 'refused', reason: 'otp_required' };
    }
    const step = await acceptedTwoFactorStep(store, owner, user.twoFactor, request.otp, now);
    if (step === null) {
      await throttle?.fail({ ...request, user: user.id }, now);
      await recordFailure(store, request, 'otp_invalid', now);
      return { kind: 'refused', reason: 'otp_invalid' };
    }
    await store.putUser({ ...user, twoFactor: { ...user.twoFactor, lastStep: step } });
  }
  await throttle?.succeed({ ...request, user: user.id }, now);
  return { kind: 'accepted', user };
}
