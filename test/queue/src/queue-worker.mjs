// One replica of the work queue, run by the test as its own process: it opens
// the PostgreSQL queue of ALLOT_QUEUE_URL (schema ALLOT_QUEUE_SCHEMA), runs
// `count` jobs slowly, reporting progress at every step, once the parent sends
// { work: true }, and answers its { get: id } messages with the job as this
// process reads it.
import { openPostgresWorkQueue } from '@allot/store-postgres/work-queue';

const name = process.env['ALLOT_QUEUE_WORKER'] ?? 'worker';
const queue = await openPostgresWorkQueue(process.env['ALLOT_QUEUE_URL'] ?? '', {
  schema: process.env['ALLOT_QUEUE_SCHEMA'],
  workerName: name,
  poolSize: 3,
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 1,
  heartbeatMs: 100,
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const work = () =>
  queue.work('count', async ({ payload, progress, signal }) => {
    const { steps, stepMs } = payload;
    for (let done = 0; done < steps; done += 1) {
      progress(done, steps, `step ${done} on ${name}`);
      await sleep(stepMs);
      signal.throwIfAborted();
    }
    progress(steps, steps, `done on ${name}`);
    return { counted: steps, by: name };
  });

process.on('message', (message) => {
  if (message.work) void work().then(() => process.send?.({ working: name }));
  else void queue.get(message.workspace, message.get).then((job) => process.send?.({ job }));
});
process.on('SIGTERM', () => {
  void queue.close().then(() => process.exit(0));
});
process.send?.({ ready: name });
