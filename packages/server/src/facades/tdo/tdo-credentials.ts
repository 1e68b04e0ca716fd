import { DEFAULT_WORKSPACE, type ProjectRecord, type Role } from '@allot/core';
import { logIn, readProject } from '@allot/use-cases';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../app-context.js';
import { HttpError } from '../../errors/http-error.js';
import { roleAllows } from '../../auth/roles.js';

/** Who calls a TDO route, once their password is checked. */
export interface TdoCaller {
  workspace: string;
  user: string;
  role: Role;
  /** How the event log names the caller. */
  actor: string;
}

interface TdoContext {
  user?: unknown;
  password?: unknown;
  project?: { name?: unknown; version?: unknown };
}

/** The `context` object of a TDO body, when there is one. */
export function contextOfBody(body: unknown): TdoContext | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const context = (body as { context?: unknown }).context;
  return typeof context === 'object' && context !== null ? (context as TdoContext) : undefined;
}

/**
 * The caller of a TDO route: the user and password of the body's
 * `context`, as TDO sends them, or, for calls with no body (a browser, an
 * upload whose body is the file), HTTP Basic credentials. The workspace is
 * the `x-allot-workspace` header's, else the default one. Every refusal
 * answers alike (401), and counts towards the login throttle.
 */
export async function tdoCaller(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  least: Role = 'viewer',
): Promise<TdoCaller> {
  const { store, loginThrottle, clock } = contextOf(app);
  const header = request.headers['x-allot-workspace'];
  const workspace = typeof header === 'string' && header !== '' ? header : DEFAULT_WORKSPACE;
  const given = credentialsOf(request);
  if (given === undefined) {
    reply.header('www-authenticate', 'Basic realm="allot", charset="UTF-8"');
    throw new HttpError(
      'UNAUTHORIZED',
      'send context.user and context.password in the body, or HTTP Basic credentials',
    );
  }
  const outcome = await logIn(
    store,
    loginThrottle,
    { workspace, ip: request.ip, ...given },
    clock(),
  );
  if (outcome.kind === 'throttled') {
    reply.header('retry-after', String(outcome.retryAfterSeconds));
    throw new HttpError(
      'RATE_LIMITED',
      `too many failed logins; retry in ${outcome.retryAfterSeconds} s`,
    );
  }
  if (outcome.kind === 'refused') {
    reply.header('www-authenticate', 'Basic realm="allot", charset="UTF-8"');
    throw new HttpError('UNAUTHORIZED', 'the user or password is not valid');
  }
  const user = outcome.user;
  const role: Role = user.superUser === true ? 'admin' : user.role;
  if (!roleAllows(role, least))
    throw new HttpError(
      'FORBIDDEN',
      `this operation needs the ${least} role; the user has ${role}`,
    );
  return { workspace, user: user.id, role, actor: `user:${user.id}` };
}

/** The project of a body's `context`, in the caller's workspace (`NOT_FOUND` otherwise). */
export function contextProject(
  caller: TdoCaller,
  body: unknown,
  app: FastifyInstance,
): Promise<ProjectRecord> {
  const project = contextOfBody(body)?.project;
  if (typeof project?.name !== 'string' || typeof project.version !== 'string')
    throw new HttpError(
      'VALIDATION_FAILED',
      'body.context.project needs a name and a version',
      'body.context.project',
    );
  return readProject(contextOf(app).store, caller.workspace, {
    name: project.name,
    version: project.version,
  });
}

function credentialsOf(request: FastifyRequest): { user: string; password: string } | undefined {
  const context = contextOfBody(request.body);
  if (typeof context?.user === 'string' && typeof context.password === 'string')
    return { user: context.user, password: context.password };
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Basic\s+(\S+)\s*$/i.exec(header) : null;
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
