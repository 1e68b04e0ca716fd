import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyServerFactory } from 'fastify';

/** Something that may answer a request before fastify routes it. */
export interface EarlyAnswer {
  /**
   * False at once for a request it leaves to fastify; else a promise of
   * whether it answered, resolving false only when it wrote nothing.
   */
  answer(request: IncomingMessage, response: ServerResponse): Promise<boolean> | false;
}

/** The server options fastify passes its server factory, defaults applied. */
interface ServerOptions {
  http?: object;
  keepAliveTimeout: number;
  requestTimeout: number;
  connectionTimeout: number;
  maxRequestsPerSocket: number;
}

/**
 * A fastify server factory whose HTTP server first offers each request to
 * `early()` (undefined until the app has one), and hands fastify every
 * request it leaves, or fails on before writing. The server gets the
 * timeouts fastify would set on its own.
 */
export function earlyAnswerServer(early: () => EarlyAnswer | undefined): FastifyServerFactory {
  return (handler, rawOptions) => {
    const options = rawOptions as unknown as ServerOptions;
    const route = (request: IncomingMessage, response: ServerResponse) => {
      const answered = early()?.answer(request, response) ?? false;
      if (answered === false) {
        handler(request, response);
        return;
      }
      answered.then(
        (done) => {
          if (!done) handler(request, response);
        },
        (error: unknown) => {
          if (!response.headersSent) handler(request, response);
          else response.destroy(error instanceof Error ? error : undefined);
        },
      );
    };
    const server = createServer(options.http ?? {}, route);
    server.keepAliveTimeout = options.keepAliveTimeout;
    server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket > 0)
      server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
