import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/**
 * A tiny real HTTP server standing in for transport behaviour only (5xx,
 * hangs, refused connections, jobs that never end), which the real allot
 * server never shows on demand.
 */
export interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** Answers request number `index` (from 0); the request's body is read already. */
export type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

export interface StandIn {
  url: string;
  seen: Seen[];
  /** Stops listening and drops open connections (a hanging request included). */
  close(): Promise<void>;
}

/** Starts a stand-in on a free port of 127.0.0.1. */
export async function serve(handler: Handler): Promise<StandIn> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      });
      handler(req, res, seen.length - 1);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  };
  return { url: `http://127.0.0.1:${port}`, seen, close };
}

/** Sends a JSON answer. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(JSON.stringify(body));
}

/** A key-shaped secret, so a test can check that no log line or message shows it. */
export const KEY = 'allot_00000000000000aa_secret-value';

/** Client options for a stand-in: the key, and retries and polls a few milliseconds apart. */
export const fast = { apiKey: KEY, retryBaseMs: 5, retryMaxMs: 20, pollIntervalMs: 5 };

/** A {@link serve} for one test file: the stand-in a test started is closed after it. */
export function serveEachTest(): (handler: Handler) => Promise<StandIn> {
  let current: StandIn | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (handler) => (current = await serve(handler));
}
