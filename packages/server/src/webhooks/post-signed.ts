import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/** How {@link postJson} sends. */
export interface PostOptions {
  headers: Record<string, string>;
  /** The DNS lookup the socket connects through (the destination policy). */
  lookup: LookupFunction;
  /** The whole exchange, connection to last byte, must end within this. */
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * POSTs a JSON body and resolves with the response status once the response
 * has ended; rejects on a connection error or timeout. Redirects are not
 * followed: a redirect could lead past the destination policy.
 */
export function postJson(url: URL, body: string, options: PostOptions): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: 'POST',
      headers: {
        ...options.headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      },
      lookup: options.lookup,
      signal: options.signal,
      // No connection reuse: each attempt resolves (and checks) the name again.
      agent: false,
    });
    const timer = setTimeout(() => {
      request.destroy(new Error(`no complete answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on('response', (response) => {
      // The receiver's answer body is not needed; read it so the exchange ends.
      response.resume();
      response.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
      });
    });
    request.end(body);
  });
}
