import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountRoleOf, listUsers, searchAudit } from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { tdmpCaller } from './tdmp-auth.js';
import { TdmpPage, TdmpRoleSchema, TdmpUserId } from './tdmp-views.js';

/** A date (`2026-01-06`) or a date and time with a zone, as the filters take them. */
const DateOrTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$',
});

/** `2026-01-06` as the start of that day in UTC; a time as given. */
function isoOf(value: string): string {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString();
}

/**
 * `GET /audit/logs` (Admin and SuperUser): what callers did in the tenant,
 * newest first, filtered by action (an event kind such as
 * `project.created`), actor, role of the acting users, project and dates
 * (`start_date` inclusive, `end_date` exclusive).
 */
export const tdmpAuditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = contextOf(app);

  app.get(
    '/audit/logs',
    {
      config: { role: 'admin' },
      schema: {
        hide: true,
        querystring: Type.Object({
          action: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          actor_id: Type.Optional(TdmpUserId),
          role: Type.Optional(TdmpRoleSchema),
          project_id: Type.Optional(Type.Integer({ minimum: 1 })),
          start_date: Type.Optional(DateOrTime),
          end_date: Type.Optional(DateOrTime),
          ...TdmpPage,
        }),
      },
    },
    async (request) => {
      const { workspace } = tdmpCaller(request);
      const { action, actor_id, role, project_id, start_date, end_date, limit, offset } =
        request.query;
      // Events name users as `user:<id>`; a role stands for every user holding it now.
      const actors =
        role === undefined
          ? undefined
          : new Set(
              (await listUsers(store, workspace))
                .filter((user) => accountRoleOf(user) === role)
                .map((user) => `user:${user.id}`),
            );
      const events = await searchAudit(
        store,
        {
          workspace,
          ...(action === undefined ? {} : { kind: action }),
          ...(actor_id === undefined ? {} : { actor: `user:${String(actor_id)}` }),
          ...(project_id === undefined ? {} : { project: project_id }),
          ...(start_date === undefined ? {} : { from: isoOf(start_date) }),
          ...(end_date === undefined ? {} : { to: isoOf(end_date) }),
          ...(actors === undefined ? {} : { actors }),
        },
        { limit, offset },
      );
      return events.map((event) => ({
        id: event.id,
        action: event.kind,
        actor_id: event.actor.startsWith('user:') ? event.actor.slice(5).split(' ')[0] : null,
        actor: event.actor,
        ip_address: event.ip,
        project_id: event.project,
        target: event.subject,
        details: event.details,
        timestamp: event.at,
      }));
    },
  );
};
