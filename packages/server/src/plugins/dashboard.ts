import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the dashboard is served. */
export const DASHBOARD_PREFIX = '/ui/';

/**
 * The dashboard's Content-Security-Policy: its own scripts, styles and API
 * only. Nothing inline may run, nothing may frame it, and no form may post
 * elsewhere; charts draw on canvas and downloads are blob URLs.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the dashboard's built assets at `/ui/` with a strict
 * Content-Security-Policy. `dir` is the built assets' directory; when the
 * dashboard is not installed (a published server without it) `/ui/` answers
 * a 404 saying so, and the API is unaffected.
 */
export async function installDashboard(
  app: FastifyInstance,
  dir: string | undefined,
): Promise<void> {
  app.get('/ui', { schema: { hide: true } }, (_request, reply) =>
    reply.redirect(DASHBOARD_PREFIX, 302),
  );
  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('content-security-policy', DASHBOARD_CSP);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('x-frame-options', 'DENY');
      return payload;
    });
    if (dir === undefined) {
      scope.get(`${DASHBOARD_PREFIX}*`, { schema: { hide: true } }, (_request, reply) =>
        reply
          .status(404)
          .type('text/plain')
          .send(
            'The dashboard is not installed: build it with `pnpm build` in the allot repository.',
          ),
      );
      return;
    }
    await scope.register(fastifyStatic, {
      root: dir,
      prefix: DASHBOARD_PREFIX,
      decorateReply: false,
      cacheControl: false,
      index: ['index.html'],
      // Hashed file names under assets/ never change; index.html must be read afresh.
      setHeaders: (res, path) => {
        res.setHeader(
          'cache-control',
          /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  });
}

/**
 * The built dashboard of `@allot/dashboard`, when it is installed and built
 * (it is a private workspace package: a server installed from npm runs
 * without it).
 */
export async function findDashboardAssets(): Promise<string | undefined> {
  try {
    const dashboard = await import('@allot/dashboard');
    return dashboard.dashboardBuilt() ? dashboard.DASHBOARD_ASSETS_DIR : undefined;
  } catch {
    return undefined;
  }
}
