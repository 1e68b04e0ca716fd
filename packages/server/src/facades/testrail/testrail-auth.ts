import { DEFAULT_WORKSPACE } from '@allot/core';
import { logIn, type DatasetCaller } from '@allot/use-cases';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextOf } from '../../app-context.js';
import { parseKey } from '../../auth/api-key.js';
import type { VerifiedSecrets } from '../../auth/verified-secrets.js';
import { TestRailError } from './testrail-error.js';

const FAILED = 'Authentication failed: invalid or missing user/password or session cookie.';

/**
 * The caller of a TestRail request, from HTTP Basic as TestRail's clients
 * send it: the user's email and either their password or an API key. A key
 * identifies its own workspace (and must belong to the user of that email,
 * when it belongs to a user); a password logs in to the workspace of the
 * `x-allot-workspace` header, `default` without one, with the server's
 * login throttle.
 *
 * @throws TestRailError 401 for a missing, malformed or wrong credential (one answer for all); 429 while throttled
 */
export async function testRailCaller(
  app: FastifyInstance,
  request: FastifyRequest,
  verified: VerifiedSecrets,
): Promise<DatasetCaller> {
  const { store, clock, loginThrottle } = contextOf(app);
  const basic = basicCredentials(request.headers.authorization);
  if (basic === undefined) throw new TestRailError(401, FAILED);
  const now = clock();
  const key = parseKey(basic.secret);
  if (key !== undefined) {
    const record = await store.findApiKey(key.id);
    if (
      record === undefined ||
      record.revokedAt !== null ||
      !verified.matches(key.secret, record.secretHash)
    )
      throw new TestRailError(401, FAILED);
    if (record.userId !== null) {
      const user = await store.getUser(record.workspace, record.userId);
      if (
        user === undefined ||
        user.active === false ||
        user.email.toLowerCase() !== basic.user.toLowerCase()
      )
        throw new TestRailError(401, FAILED);
    }
    return {
      workspace: record.workspace,
      actor:
        record.userId === null
          ? `key:${record.id} (${record.name})`
          : `user:${record.userId} via key:${record.id}`,
      user: record.userId ?? record.name,
      role: record.role,
      ip: request.ip,
      now,
    };
  }
  const header = request.headers['x-allot-workspace'];
  const workspace = typeof header === 'string' && header !== '' ? header : DEFAULT_WORKSPACE;
  const outcome = await logIn(
    store,
    loginThrottle,
    { workspace, user: basic.user, password: basic.secret, ip: request.ip },
    now,
  );
  if (outcome.kind === 'throttled')
    throw new TestRailError(
      429,
      `Too many failed logins for this user or address; retry in ${outcome.retryAfterSeconds} s.`,
    );
  if (outcome.kind === 'refused') throw new TestRailError(401, FAILED);
  const { user } = outcome;
  return {
    workspace,
    actor: `user:${user.id}`,
    user: user.id,
    role: user.superUser === true ? 'admin' : user.role,
    ip: request.ip,
    now,
  };
}

function basicCredentials(
  header: string | undefined,
): { user: string; secret: string } | undefined {
  if (header === undefined) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const cut = decoded.indexOf(':');
  if (cut <= 0) return undefined;
  return { user: decoded.slice(0, cut), secret: decoded.slice(cut + 1) };
}
