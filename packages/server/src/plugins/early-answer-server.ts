import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Something that may answer a request before fastify routes it. */
export interface EarlyAnswer {
  /**
   * False at once for a request it leaves to fastify; else a promise of
   * whether it answered, resolving false only when it wrote nothing.
   */
  answer(request: IncomingMessage, response: ServerResponse): Promise<boolean> | false;
}

/** Logs why an early answer gave a request up to fastify after an error. */
export type EarlyAnswerFailure = (error: unknown) => void;

/**
 * Makes fastify's own HTTP server offer each request to `early` first and
 * hand fastify every request it leaves, or fails on before writing (the
 * failure is logged: fastify then reads again and answers the error).
 *
 * The server stays the one fastify made, with its timeouts; a server
 * factory would have done the same, but fastify then binds only one
 * address (`localhost` on IPv4 and IPv6 is two). Servers fastify adds for
 * such further addresses route every request themselves.
 */
export function answerEarly(server: Server, early: EarlyAnswer, failed: EarlyAnswerFailure): void {
  const routed = server.listeners('request') as ((
    request: IncomingMessage,
    response: ServerResponse,
  ) => void)[];
  const route = (request: IncomingMessage, response: ServerResponse) => {
    for (const handler of routed) handler(request, response);
  };
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const answered = early.answer(request, response);
    if (answered === false) {
      route(request, response);
      return;
    }
    answered.then(
      (done) => {
        if (!done) route(request, response);
      },
      (error: unknown) => {
        failed(error);
        if (!response.headersSent) route(request, response);
        else response.destroy(error instanceof Error ? error : undefined);
      },
    );
  });
}
