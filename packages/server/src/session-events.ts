import { recordAudit } from '@allot/use-cases';
import type { FastifyInstance } from 'fastify';
import { contextOf } from './app-context.js';
import type { SessionClaims } from './auth/session-tokens.js';

/**
 * Records a login or logout as an event of the user's workspace: who, from
 * which address, when the session started, and for a logout when it ended
 * and how long it lasted (what a sessions report reads).
 */
export async function recordSessionEvent(
  app: FastifyInstance,
  action: 'session.login' | 'session.logout',
  session: SessionClaims,
  ip: string,
): Promise<void> {
  const at = contextOf(app).clock();
  const ended =
    action === 'session.logout'
      ? {
          end: at.toISOString(),
          durationSeconds: Math.max(
            0,
            Math.round((at.getTime() - session.issuedAt.getTime()) / 1000),
          ),
        }
      : {};
  const details = { ip, session: session.id, start: session.issuedAt.toISOString(), ...ended };
  const user = `user:${session.user}`;
  const event = {
    workspace: session.workspace,
    at: at.toISOString(),
    actor: user,
    action,
    target: user,
    details,
  };
  await recordAudit(contextOf(app).store, event);
}
