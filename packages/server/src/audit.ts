import { recordAudit } from '@allot/use-cases';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from './plugins/authenticate.js';
import { contextOf } from './app-context.js';

/** Records who did what to what in the caller's workspace. */
export async function audit(
  app: FastifyInstance,
  request: FastifyRequest,
  action: string,
  target: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const caller = callerOf(request);
  await recordAudit(contextOf(app).store, {
    workspace: caller.workspace,
    at: contextOf(app).clock().toISOString(),
    actor: caller.actor,
    action,
    target,
    details,
  });
}
