import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhook,
  type WebhookVerdict,
} from '@allot/core';

/** A delivery as the receiver got it, with its signature checked against the secret. */
export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  verdict: WebhookVerdict;
  /** The status the receiver answered. */
  answered: number;
}

/** A real HTTP receiver on a loopback port that verifies signatures as the README tells users to. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedDelivery[];
  /** Sets the key to verify with (known once the webhook is created). */
  setSecret(secret: string): void;
  /** Resolves once `count` deliveries have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedDelivery[]>;
  close(): Promise<void>;
}

/**
 * Starts a receiver that answers the n-th delivery (0-based) with
 * `statuses[n]`, then 200 once the list runs out.
 */
export async function startWebhookReceiver(
  statuses: readonly number[] = [],
): Promise<WebhookReceiver> {
  let secret = '';
  const received: ReceivedDelivery[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => {
        const value = request.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const verdict = verifyWebhook(secret, {
        body,
        signature: header(SIGNATURE_HEADER),
        timestamp: header(TIMESTAMP_HEADER),
      });
      const status = verdict === 'ok' ? (statuses[received.length] ?? 200) : 401;
      received.push({ headers: request.headers, body, verdict, answered: status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    setSecret: (value) => (secret = value),
    async waitFor(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) {
          throw new Error(`got ${received.length} of ${count} deliveries`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
