import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkNestingDepth } from '../uploads/check-nesting-depth.js';

/** The text of each JSON body, for routes that store the file as it was sent. */
const jsonTexts = new WeakMap<FastifyRequest, string>();

/**
 * Replaces fastify's JSON parser with one that rejects a body nested deeper
 * than the limit before parsing it, then parses as fastify does (prototype
 * poisoning rejected), and keeps the text so that no one serialises the
 * parsed body again to read it.
 */
export function installJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    try {
      checkNestingDepth(text, 'json');
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    jsonTexts.set(request, text);
    void parse(request, text, done);
  });
}

/** The text of a request's JSON body as it arrived, if it had one. */
export function jsonTextOf(request: FastifyRequest): string | undefined {
  return jsonTexts.get(request);
}
