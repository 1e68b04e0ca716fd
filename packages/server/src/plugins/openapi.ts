import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * OpenAPI 3 generated from the route schemas. Registered before the routes,
 * which is how `@fastify/swagger` sees them.
 */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'allot',
        version,
        description:
          'Test data allocation: the vendor-compatible allocation API and the /api/v1 resource API. ' +
          'Send the key as `Authorization: Bearer <key>` or `x-api-key`; vendor routes also accept it in the path.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
      security: [{ bearer: [] }, { apiKeyHeader: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  // Where Curiosity's Spring server has its docs (springdoc's paths), for links and tools that know those.
  for (const [from, to] of SPRING_DOC_PATHS) {
    app.get(from, { schema: { hide: true } }, (_request, reply) => reply.redirect(to, 301));
  }
}

/** springdoc's paths, and where allot has the same document. */
const SPRING_DOC_PATHS: ReadonlyArray<readonly [string, string]> = [
  ['/swagger-ui.html', '/docs'],
  ['/swagger-ui/index.html', '/docs'],
  ['/v3/api-docs', '/openapi.json'],
];
