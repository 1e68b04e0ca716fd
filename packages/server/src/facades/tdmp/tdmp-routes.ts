import type { FastifyPluginAsync } from 'fastify';
import { installJsonParser } from '../../plugins/json-parser.js';
import { installTdmpAuth } from './tdmp-auth.js';
import { installTdmpErrors } from './tdmp-errors.js';
import { installFormParser } from './tdmp-form-body.js';
import { tdmpAuditRoutes } from './tdmp-audit.js';
import { tdmpAvatarRoutes } from './tdmp-avatar.js';
import { tdmpIntegrationRoutes } from './tdmp-integrations.js';
import { tdmpNotificationRoutes } from './tdmp-notifications.js';
import { tdmpProjectRoutes } from './tdmp-projects.js';
import { tdmpSessionRoutes } from './tdmp-sessions.js';
import { tdmpSettingsRoutes } from './tdmp-settings.js';
import { tdmpTenantRoutes } from './tdmp-tenants.js';
import { tdmpUserRoutes } from './tdmp-users.js';
import { tdmpSynthRoutes } from './tdmp-synth-routes.js';

/**
 * The TDMP facade's route groups, each a plugin of the facade. A new group
 * is one more line here; all share the facade's authentication, body
 * parsers and error shape.
 */
export const TDMP_ROUTE_GROUPS: readonly FastifyPluginAsync[] = [
  tdmpSessionRoutes,
  tdmpUserRoutes,
  tdmpProjectRoutes,
  tdmpNotificationRoutes,
  tdmpSettingsRoutes,
  tdmpAvatarRoutes,
  tdmpAuditRoutes,
  tdmpTenantRoutes,
  tdmpIntegrationRoutes,
  tdmpSynthRoutes,
];

/**
 * TDMP's API at its own root paths (`/users/token`, `/projects/create`, …):
 * one encapsulated plugin, so its Bearer-JWT authentication, its
 * `{"detail": …}` errors and its form-encoded login body stay inside it and
 * never reach `/api`, `/health` or `/docs`. Its routes are left out of the
 * OpenAPI document, which describes allot's own API.
 */
export const tdmpRoutes: FastifyPluginAsync = async (app) => {
  installTdmpErrors(app);
  installTdmpAuth(app);
  installJsonParser(app);
  installFormParser(app);
  for (const routes of TDMP_ROUTE_GROUPS) await app.register(routes);
};
