import type { FastifyInstance, FastifyRequest } from 'fastify';
import { areUserSessionsRevoked, isSessionRevoked } from '@allot/use-cases';
import { contextOf } from '../../app-context.js';
import { sessionContextOf, type AuthContext } from '../../auth/auth-context.js';
import { roleAllows } from '../../auth/roles.js';
import { looksLikeJwt } from '../../auth/session-tokens.js';
import { HttpError } from '../../errors/http-error.js';

/**
 * TDMP's authentication: a Bearer JWT from `POST /users/token` on every
 * route that declares a `role` in its config (`superUser: true` for the
 * SuperUser-only routes). API keys are not accepted here: TDMP has none.
 * The token's revocation and its user are read on every request, so a
 * logout or a deactivation on any replica takes effect on the next request.
 *
 * Roles as TDMP names them map onto the key roles: Tester → `tester`,
 * Manager → `manager`, Admin → `admin`, SuperUser → `admin` with
 * `superUser: true`.
 *
 * Install it inside the facade's own plugin: the hook is encapsulated, so
 * it guards the facade's routes only.
 */
export function installTdmpAuth(app: FastifyInstance): void {
  if (!app.hasRequestDecorator('auth')) app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const { role, superUser } = request.routeOptions.config;
    if (role === undefined) return;
    const token = bearerOf(request);
    if (token === undefined) throw new HttpError('UNAUTHORIZED', 'Not authenticated');
    const caller = await tdmpSessionCaller(app, token);
    if (caller === undefined) throw new HttpError('UNAUTHORIZED', 'Could not validate credentials');
    if (superUser === true && !caller.superUser)
      throw new HttpError('FORBIDDEN', 'This operation needs the SuperUser role');
    if (!roleAllows(caller.role, role))
      throw new HttpError('FORBIDDEN', `This operation needs the ${tdmpRoleName(role)} role`);
    request.auth = caller;
  });
}

/** The caller of a facade route that declares a role; the hook guarantees it is set. */
export function tdmpCaller(request: FastifyRequest): AuthContext & {
  session: NonNullable<AuthContext['session']>;
} {
  const caller = request.auth;
  if (caller === null || caller.session === null)
    throw new HttpError('UNAUTHORIZED', 'Not authenticated');
  return { ...caller, session: caller.session };
}

/** TDMP's name of the least account role that holds a key role. */
export function tdmpRoleName(role: AuthContext['role']): string {
  const names = { viewer: 'Tester', tester: 'Tester', manager: 'Manager', admin: 'Admin' };
  return names[role];
}

/**
 * The caller of a session token, or undefined when the token is invalid,
 * expired, logged out, or its user is gone or deactivated. A SuperUser acts
 * in the workspace of their account: TDMP addresses other tenants by id in
 * the path (`/tenants/{id}`), never by header.
 */
async function tdmpSessionCaller(
  app: FastifyInstance,
  token: string,
): Promise<AuthContext | undefined> {
  if (!looksLikeJwt(token)) return undefined;
  const { store, sessions, clock } = contextOf(app);
  const claims = await sessions.verify(token, clock());
  if (claims === undefined) return undefined;
  if (await isSessionRevoked(store, claims.workspace, claims.id)) return undefined;
  if (await areUserSessionsRevoked(store, claims)) return undefined;
  const user = await store.getUser(claims.workspace, claims.user);
  if (user === undefined || user.active === false) return undefined;
  return sessionContextOf(user, claims, claims.workspace);
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
