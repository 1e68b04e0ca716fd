import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy in front of a real server that refuses some requests. */
export interface RefusingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * Forwards every request to `target`, except those `refuse` picks, which get
 * an allot-style 403: a later call failing after the job committed.
 */
export async function startRefusingProxy(
  target: string,
  refuse: (req: IncomingMessage) => boolean,
): Promise<RefusingProxy> {
  const proxy = createServer((req, res) => {
    if (refuse(req)) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'FORBIDDEN', message: 'refused by the test proxy' }));
      return;
    }
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        proxy.closeAllConnections();
        proxy.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
