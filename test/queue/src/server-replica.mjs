// One `allot serve` replica, run by the test as its own process: the server on a free port
// over the PostgreSQL store and work queue of ALLOT_REPLICA_STORE, running queued jobs, with
// loopback webhooks allowed (the receiver is the test's) and short timings so that a killed
// replica's delivery moves on within seconds. It sends { url, adminKey, pid } once listening.
import { startServer } from '@allot/server';

const server = await startServer({
  storeSpec: process.env['ALLOT_REPLICA_STORE'] ?? '',
  port: 0,
  logLevel: 'silent',
  rateLimit: false,
  print: () => undefined,
  allowPrivateWebhooks: true,
  // Each attempt ends within 3 s, well inside the 5 s after which pg-boss takes a silent
  // worker for dead and hands its job to another replica.
  webhookTimeoutMs: 3000,
  webhookRetry: { maxAttempts: 5, retryDelayMs: 500, timeoutSeconds: 5 },
  postgresQueue: { maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 0.5, heartbeatMs: 200 },
});
process.send?.({ url: server.url, adminKey: server.adminKey, pid: process.pid });
await server.closed;
process.exit(0);
