import type { FastifyInstance } from 'fastify';

/**
 * Parses `application/x-www-form-urlencoded` bodies into an object of
 * strings (the last value of a repeated field wins), which is how TDMP's
 * login takes its username and password, and what `curl -d` sends.
 */
export function installFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const fields: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [name, value] of new URLSearchParams(body as string)) fields[name] = value;
      done(null, { ...fields });
    },
  );
}
