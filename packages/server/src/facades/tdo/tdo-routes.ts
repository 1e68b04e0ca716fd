import type { FastifyPluginAsync } from 'fastify';
import { tdoBusinessRuleRoutes } from './tdo-business-rules.js';
import { tdoCalculateCoverageRoutes } from './tdo-calculate-coverage.js';
import { tdoCoverageSetRoutes } from './tdo-coverage-sets.js';
import { tdoDeterminingAttributeRoutes } from './tdo-determining-attributes.js';
import { installTdoJsonParser } from './tdo-json-parser.js';
import { tdoAssemblyFacade } from './tdo-assembly-facade.js';

/**
 * The facade's route plugins, each registered under `/core`, so a plugin
 * writes its paths as the reference does after `/core` (`/1.0/API/…`, and
 * `/1.1/API/…` for a download in another format). One file per area of the
 * reference; add an area by adding its plugin here.
 */
export const TDO_ROUTE_PLUGINS = [
  tdoDeterminingAttributeRoutes,
  tdoCoverageSetRoutes,
  tdoBusinessRuleRoutes,
  tdoCalculateCoverageRoutes,
  tdoAssemblyFacade,
];

/**
 * The test data orchestrator's API (`/core/{version}/API/…`): the routes
 * of the reference, translated around the use cases. Each route
 * authenticates the `context` of its body (or HTTP basic authentication)
 * against allot's users itself, so none declares a key role.
 */
export const tdoRoutes: FastifyPluginAsync = async (app) => {
  installTdoJsonParser(app);
  // The OpenAPI document says these routes take no key: their credentials travel in the body.
  app.addHook('onRoute', (route) => {
    if (route.schema !== undefined) route.schema = { ...route.schema, security: [] };
  });
  for (const plugin of TDO_ROUTE_PLUGINS) await app.register(plugin, { prefix: '/core' });
};
