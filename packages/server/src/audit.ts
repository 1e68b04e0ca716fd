import type { Acting } from '@allot/use-cases';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from './plugins/authenticate.js';
import { contextOf } from './app-context.js';

/**
 * Records who did what to what in the caller's workspace: an event of the
 * event log (so the audit log, which is its view, and the event listeners
 * see it), with the caller's address.
 */
export async function audit(
  app: FastifyInstance,
  request: FastifyRequest,
  action: string,
  target: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const acting = actingOf(app, request);
  await contextOf(app).events.record({
    workspace: acting.workspace,
    kind: action,
    actor: acting.actor,
    ip: acting.ip,
    project: null,
    subject: target,
    at: acting.now.toISOString(),
    details,
  });
}

/** The caller of a request as the use cases that record events need it. */
export function actingOf(app: FastifyInstance, request: FastifyRequest): Acting {
  const caller = callerOf(request);
  return {
    workspace: caller.workspace,
    actor: caller.actor,
    user: caller.user,
    ip: request.ip,
    now: contextOf(app).clock(),
  };
}
