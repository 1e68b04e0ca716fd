import { createHash, timingSafeEqual } from 'node:crypto';
import { DEFAULT_WORKSPACE, type UserRecord } from '@allot/core';
import { logIn, type Acting, type ProjectRef } from '@allot/use-cases';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextOf } from '../../app-context.js';
import { HttpError } from '../../errors/http-error.js';
import type { TdoContext } from './tdo-context.js';

/** Who calls a TDO route: the allot user behind the context's credentials. */
export interface TdoCaller {
  user: UserRecord;
  /** The user's role, an admin for a SuperUser. */
  admin: boolean;
  acting: Acting;
  project: ProjectRef;
}

/** The reference's words for a delete by someone who is not an Admin. */
export const NOT_ADMIN_MESSAGE =
  'You do not have the right authority to perform this function: only the Admin role may delete';

/** Remembered successful logins before the oldest are forgotten. */
const CAPACITY = 1024;

/**
 * Which user and password pairs were verified against which stored hash:
 * a TDO client sends its password with every request, and scrypt costs a
 * third of a second of CPU each time. A pair is remembered only after it
 * matched, and only for the hash stored now (a changed password misses);
 * the user is read on every request, so a deactivation takes effect at once.
 */
class VerifiedPasswords {
  readonly #byUser = new Map<string, { digest: Buffer; stored: string }>();

  #key(user: UserRecord): string {
    return `${user.workspace}\u0000${user.id}`;
  }

  matches(user: UserRecord, password: string): boolean {
    const known = this.#byUser.get(this.#key(user));
    if (known === undefined || known.stored !== JSON.stringify(user.password)) return false;
    return timingSafeEqual(known.digest, digest(password));
  }

  remember(user: UserRecord, password: string): void {
    if (this.#byUser.size >= CAPACITY) this.#byUser.clear();
    this.#byUser.set(this.#key(user), {
      digest: digest(password),
      stored: JSON.stringify(user.password),
    });
  }
}

function digest(password: string): Buffer {
  return createHash('sha256').update(password.normalize('NFKC')).digest();
}

const verified = new WeakMap<FastifyInstance, VerifiedPasswords>();

/**
 * Authenticates a TDO request as the reference describes: the context's
 * `user` and `password` (or HTTP basic authentication, as TDO clients also
 * send them), checked against the allot users of the workspace, with the
 * login throttle. Every failure answers the same 401.
 */
export async function tdoCaller(
  app: FastifyInstance,
  request: FastifyRequest,
  context: TdoContext,
): Promise<TdoCaller> {
  const { store, loginThrottle, clock } = contextOf(app);
  const basic = basicCredentials(request);
  const name = context.user ?? basic?.user;
  const password = context.password ?? basic?.password;
  if (name === undefined || password === undefined) {
    throw new HttpError(
      'UNAUTHORIZED',
      'send context.user and context.password in the body, or HTTP basic authentication',
      'body.context.user',
    );
  }
  const workspace = context.params?.workspace ?? DEFAULT_WORKSPACE;
  const now = clock();
  const cache = verified.get(app) ?? new VerifiedPasswords();
  verified.set(app, cache);
  let user = await store.getUser(workspace, name);
  if (user === undefined || user.active === false || !cache.matches(user, password)) {
    const outcome = await logIn(
      store,
      loginThrottle,
      { workspace, user: name, password, ip: request.ip },
      now,
    );
    if (outcome.kind === 'throttled') {
      throw new HttpError(
        'RATE_LIMITED',
        `too many failed logins for this user or address; retry in ${outcome.retryAfterSeconds} s`,
      );
    }
    if (outcome.kind === 'refused')
      throw new HttpError(
        'UNAUTHORIZED',
        'the user or password is wrong, or the user is deactivated',
      );
    user = outcome.user;
    cache.remember(user, password);
  }
  const admin = user.superUser === true || user.role === 'admin';
  // The rest of the server reads the caller from here (the event log's actor, for one).
  request.auth = {
    workspace,
    keyId: null,
    role: admin ? 'admin' : user.role,
    superUser: user.superUser === true,
    actor: `user:${user.id}`,
    user: user.id,
    session: null,
  };
  return {
    user,
    admin,
    acting: { workspace, actor: `user:${user.id}`, user: user.id, ip: request.ip, now },
    project: { name: context.project.name, version: context.project.version },
  };
}

/** Refuses a caller whose role is below what a change needs (a viewer creates nothing). */
export function requireEditor(caller: TdoCaller): void {
  if (caller.user.role === 'viewer' && !caller.admin)
    throw new HttpError(
      'FORBIDDEN',
      'You do not have the right authority to perform this function: a viewer changes nothing',
    );
}

/** Refuses a delete by anyone but an Admin, in the reference's words. */
export function requireAdmin(caller: TdoCaller): void {
  if (!caller.admin) throw new HttpError('FORBIDDEN', NOT_ADMIN_MESSAGE);
}

function basicCredentials(request: FastifyRequest): { user: string; password: string } | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
