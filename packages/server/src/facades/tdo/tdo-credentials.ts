import type { Role } from '@allot/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../errors/http-error.js';
import { roleAllows } from '../../auth/roles.js';
import { tdoCaller as contextCaller } from './tdo-auth.js';

/** Who calls a TDO route, once their password is checked. */
export interface TdoCaller {
  workspace: string;
  user: string;
  role: Role;
  /** How the event log names the caller. */
  actor: string;
}

interface Credentials {
  user?: unknown;
  password?: unknown;
  params?: { workspace?: unknown };
}

/**
 * The caller of a TDO route whose body carries no `context.project` (a
 * browser's bodiless call, an upload whose body is the file): HTTP Basic
 * credentials, or the user and password of a body's `context`, checked as
 * every TDO route checks them (`tdo-auth.ts`: the login throttle, the
 * cache of verified passwords). The workspace is `context.params.workspace`,
 * else the `x-allot-workspace` header's, else the default one. A 401 asks a
 * browser for Basic credentials.
 */
export async function tdoCaller(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  least: Role = 'viewer',
): Promise<TdoCaller> {
  const given = credentialsOf(request.body);
  const header = request.headers['x-allot-workspace'];
  const workspace =
    typeof given.params?.workspace === 'string'
      ? given.params.workspace
      : typeof header === 'string' && header !== ''
        ? header
        : undefined;
  let caller;
  try {
    caller = await contextCaller(app, request, {
      ...(typeof given.user === 'string' ? { user: given.user } : {}),
      ...(typeof given.password === 'string' ? { password: given.password } : {}),
      ...(workspace === undefined ? {} : { params: { workspace } }),
      // These routes name their project in the path, or none: the caller's is not read.
      project: { name: '-', version: '-' },
    });
  } catch (error) {
    if (error instanceof HttpError && error.code === 'UNAUTHORIZED')
      reply.header('www-authenticate', 'Basic realm="allot", charset="UTF-8"');
    throw error;
  }
  const role: Role = caller.admin ? 'admin' : caller.user.role;
  if (!roleAllows(role, least))
    throw new HttpError(
      'FORBIDDEN',
      `this operation needs the ${least} role; the user has ${role}`,
    );
  return {
    workspace: caller.acting.workspace,
    user: caller.user.id,
    role,
    actor: caller.acting.actor,
  };
}

function credentialsOf(body: unknown): Credentials {
  if (typeof body !== 'object' || body === null) return {};
  const context = (body as { context?: unknown }).context;
  return typeof context === 'object' && context !== null ? (context as Credentials) : {};
}
