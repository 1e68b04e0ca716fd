import { isAllotError, type CatalogueName, type CatalogueStore } from '@allot/core';
import { DEPLOYMENT_WORKSPACE, LOGIN_FAILURES_KIND } from './account-records.js';

/** How many failed logins are tolerated, and for how long they count. */
export interface LoginThrottleLimits {
  /** Failed logins of one user within the window before further attempts are refused; default 5. */
  maxPerUser: number;
  /** Failed logins from one address within the window, whatever the user; default 20. */
  maxPerAddress: number;
  /** Default 15 minutes. */
  windowMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleLimits = {
  maxPerUser: 5,
  maxPerAddress: 20,
  windowMs: 15 * 60_000,
};

/** Who attempts a login: the counters it is checked against. */
export interface LoginAttempt {
  workspace: string;
  user: string;
  ip: string;
}

interface FailuresBody {
  /** ISO times of the failures still inside the window, oldest first. */
  failures: string[];
}

function bucketsOf(attempt: LoginAttempt): { name: CatalogueName; limit: 'user' | 'address' }[] {
  return [
    {
      name: {
        kind: LOGIN_FAILURES_KIND,
        workspace: attempt.workspace,
        project: null,
        name: `user:${attempt.user}`,
      },
      limit: 'user',
    },
    {
      name: {
        kind: LOGIN_FAILURES_KIND,
        workspace: DEPLOYMENT_WORKSPACE,
        project: null,
        name: `ip:${attempt.ip}`,
      },
      limit: 'address',
    },
  ];
}

function recent(body: unknown, now: Date, windowMs: number): string[] {
  const failures = (body as Partial<FailuresBody> | undefined)?.failures;
  if (!Array.isArray(failures)) return [];
  return failures.filter((at) => now.getTime() - Date.parse(at) < windowMs);
}

/**
 * Counts failed logins in the store, so that every replica refuses the same
 * attacker: per user (guessing one password) and per address (trying many
 * users). Each counter is one catalogue name holding the failures still in
 * the window.
 */
export class LoginThrottle {
  constructor(
    private readonly store: CatalogueStore,
    private readonly limits: LoginThrottleLimits = DEFAULT_LOGIN_THROTTLE,
  ) {}

  /** Seconds until this attempt may be made, 0 when it may be made now. */
  async retryAfter(attempt: LoginAttempt, now: Date): Promise<number> {
    let wait = 0;
    for (const bucket of bucketsOf(attempt)) {
      const record = await this.store.getCatalogueByName(bucket.name);
      const failures = recent(record?.body, now, this.limits.windowMs);
      const max = bucket.limit === 'user' ? this.limits.maxPerUser : this.limits.maxPerAddress;
      if (failures.length < max) continue;
      // The attempt may be made again once enough of the failures have left the window.
      const freeing = failures[failures.length - max] ?? now.toISOString();
      const ms = Date.parse(freeing) + this.limits.windowMs - now.getTime();
      wait = Math.max(wait, Math.ceil(ms / 1000));
    }
    return wait;
  }

  /** Counts a failed attempt against its user and its address. */
  async fail(attempt: LoginAttempt, now: Date): Promise<void> {
    for (const bucket of bucketsOf(attempt)) await this.#append(bucket.name, now);
  }

  /** Forgets the user's failures after a successful login (not the address's). */
  async succeed(attempt: LoginAttempt, now: Date): Promise<void> {
    const [user] = bucketsOf(attempt);
    if (user !== undefined)
      await this.store.deleteCatalogue({ ...user.name, actor: 'login', force: true }, now);
  }

  async #append(name: CatalogueName, now: Date): Promise<void> {
    // Compare-and-set on the latest version: of two replicas counting at once, one
    // retries with the other's count, so no failure is lost.
    for (let attempt = 0; attempt < 5; attempt++) {
      const latest = await this.store.getCatalogueByName(name);
      const failures = [...recent(latest?.body, now, this.limits.windowMs), now.toISOString()];
      try {
        await this.store.putCatalogue(
          {
            ...name,
            body: { failures } satisfies FailuresBody,
            actor: 'login',
            keepId: true,
            expectedVersion: latest?.version ?? null,
          },
          now,
        );
      } catch (error) {
        if (isAllotError(error) && error.code === 'VERSION_CONFLICT') continue;
        throw error;
      }
      // Only the latest version counts: drop the one it replaces so the counter stays one row.
      if (latest !== undefined)
        await this.store.deleteCatalogue(
          { ...name, version: latest.version, actor: 'login', force: true },
          now,
        );
      return;
    }
  }
}
