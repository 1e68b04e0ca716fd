import type { FastifyPluginAsync } from 'fastify';
import { tdmpConstraintRoutes } from './tdmp-constraints.js';
import { tdmpDatasetRoutes } from './tdmp-datasets.js';
import { tdmpSchemaRoutes } from './tdmp-schemas.js';

/**
 * TDMP's synthetic data routes (schemas, constraint sets, datasets and
 * their downloads), one route group of the facade: they share its
 * authentication, parsers and `{detail}` errors.
 */
export const tdmpSynthRoutes: FastifyPluginAsync = async (app) => {
  await app.register(tdmpSchemaRoutes);
  await app.register(tdmpConstraintRoutes);
  await app.register(tdmpDatasetRoutes);
};
