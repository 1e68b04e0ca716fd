import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  isWebhookEventKind,
  openMemoryWorkQueue,
  QuotaGate,
  type JobStateRecord,
  type WebhookEvent,
} from '@allot/core';
import {
  DATA_ASSEMBLY_KIND,
  DATASET_EXPORT_KIND,
  DATASET_GENERATION_KIND,
  dataAssemblyHandler,
  datasetExportHandler,
  datasetGenerationHandler,
  WEBHOOK_DELIVERY_KIND,
  type WebhookRetryPolicy,
} from '@allot/use-cases';
import type { AppContext } from './app-context.js';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from '@allot/use-cases';
import { SessionTokens } from './auth/session-tokens.js';
import { JobRunner } from './jobs/job-runner.js';
import { LifecycleWorker } from './lifecycle/lifecycle-worker.js';
import { recordJobOutcome } from './jobs/record-job-outcome.js';
import { EventLog } from '@allot/use-cases';
import type { BuildAppOptions } from './options.js';
import { installAuthentication } from './plugins/authenticate.js';
import { KnownKeys } from './auth/known-keys.js';
import { answerEarly } from './plugins/early-answer-server.js';
import { requestIds } from './plugins/request-ids.js';
import {
  ResultValueFastPath,
  type ResultValueFastPathOptions,
} from './facades/curiosity/result-value-fast-path.js';
import { findDashboardAssets, installDashboard } from './plugins/dashboard.js';
import { answerClientError } from './plugins/client-error-handler.js';
import { installErrorHandler, sendFrameworkError } from './plugins/error-handler.js';
import { installJsonOnlyRoutes } from './plugins/json-only-routes.js';
import { installJsonParser } from './plugins/json-parser.js';
import { loggerOptions } from './plugins/logger-options.js';
import { installOpenApi } from './plugins/openapi.js';
import { sharedSchemaCompilers } from './plugins/shared-schema-compilers.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './plugins/rate-limit.js';
import { installTextParsers } from './plugins/text-parsers.js';
import { ResolutionServers } from './resolution/resolution-servers.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { auditRoutes } from './routes/audit.js';
import { eventRoutes } from './routes/events.js';
import { notificationRoutes } from './routes/notifications.js';
import { datasetRoutes } from './routes/datasets.js';
import { projectRoutes } from './routes/projects.js';
import { determiningAttributeRoutes } from './routes/determining-attributes.js';
import { coverageSetRoutes } from './routes/coverage-sets.js';
import { businessRuleRoutes } from './routes/business-rules.js';
import { blockRoutes } from './routes/blocks.js';
import { leaseRoutes } from './routes/leases.js';
import { poolForecastRoutes } from './routes/pool-forecast.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { madeRowRoutes } from './routes/made-rows.js';
import { poolRoutes } from './routes/pools.js';
import { allocationTestRoutes } from './routes/allocation-tests.js';
import { resultRoutes } from './routes/results.js';
import { serverRoutes } from './routes/servers.js';
import { userRoutes } from './routes/users.js';
import { queueRoutes } from './routes/queue.js';
import { coverageAllocationRoutes } from './routes/coverage-allocations.js';
import {
  COVERAGE_CALCULATION_KIND,
  coverageCalculationHandler,
} from './coverage/coverage-calculation-job.js';
import { webhookRoutes } from './routes/webhooks.js';
import { schemaRoutes } from './routes/schemas.js';
import { constraintSetRoutes } from './routes/constraint-sets.js';
import { syntheticDatasetRoutes } from './routes/synthetic-datasets.js';
import { webhookDeliveryHandler } from './webhooks/deliver-webhook.js';
import { S3ObjectStorage } from './integrations/s3-object-storage.js';
import { WebhookPublisher } from './webhooks/webhook-publisher.js';
import { sessionRoutes } from './routes/sessions.js';
import { invitationRoutes } from './routes/invitations.js';
import { workspaceRoutes } from './routes/workspaces.js';
import { curiosityRoutes } from './facades/curiosity/curiosity-routes.js';
import { assemblyPartRoutes } from './routes/assembly-parts.js';
import { worksetRoutes } from './routes/worksets.js';
import { eventReportRoutes } from './routes/event-reports.js';
import { tdoRoutes } from './facades/tdo/tdo-routes.js';
import { tdmpRoutes } from './facades/tdmp/tdmp-routes.js';
import { testRailRoutes } from './facades/testrail/testrail-routes.js';
import { SERVER_VERSION } from './version.js';

/** The app {@link buildApp} returns: a fastify instance typed for TypeBox route schemas. */
export type AllotApp = FastifyInstance;

/**
 * Builds the allot server without listening: tests call `inject()` on it,
 * {@link startServer} listens. Closing the app waits for jobs in flight.
 */
export async function buildApp(options: BuildAppOptions): Promise<AllotApp> {
  const uploadLimit = options.uploadLimit ?? 64 * 1024 * 1024;
  const objectStorage = new S3ObjectStorage();
  const genReqId = requestIds();
  const app = Fastify({
    genReqId,
    logger: loggerOptions(options.logLevel ?? 'info', options.logStream),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Names and keys arrive URL-encoded and can be long: the default of 100 would cut them.
    routerOptions: { maxParamLength: 2000 },
    frameworkErrors: sendFrameworkError,
    clientErrorHandler: answerClientError,
    schemaController: { compilersFactory: sharedSchemaCompilers },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const limits = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const limiter = limits === false ? undefined : new RateLimiter(limits);
  const keys = new KnownKeys();
  const fastPath = new ResultValueFastPath({
    store: options.store,
    keys,
    limiter,
    // The app's logger is pino (loggerOptions), which fastify's logger type leaves out.
    log: app.log as ResultValueFastPathOptions['log'],
    genReqId,
    trustProxy: options.trustProxy === true,
  });
  // Suites read `result/value` once per test: its successful reads are answered before routing.
  answerEarly(app.server, fastPath, (error) =>
    app.log.warn({ err: error }, 'result/value read failed before routing; routing it'),
  );
  const clock = options.clock ?? (() => new Date());
  const queue = options.queue ?? (await openMemoryWorkQueue());
  const closeQueue = options.closeQueue ?? options.queue === undefined;
  const policy: WebhookRetryPolicy = {
    maxAttempts: 8,
    retryDelayMs: 5000,
    timeoutSeconds: 60,
    ...options.webhookRetry,
  };
  const publisher = new WebhookPublisher({
    store: options.store,
    queue,
    policy,
    onError: (error, event) =>
      app.log.error(
        { err: error, workspace: event.workspace, event: event.kind },
        'event not queued',
      ),
  });
  const events = new EventLog(options.store, (error, event) =>
    app.log.error(
      { err: error, workspace: event.workspace, event: event.id },
      'event listener failed',
    ),
  );
  // Every event of a kind webhooks subscribe to reaches them, job events included.
  events.onEvent((event) => {
    if (!isWebhookEventKind(event.kind)) return;
    publisher.publish({
      kind: event.kind,
      workspace: event.workspace,
      subject: event.subject,
      at: event.at,
      details: event.details as WebhookEvent['details'],
    });
  });
  // One gate per process: its concurrency limits count every job this replica runs.
  const gate = new QuotaGate(options.store);
  const servers = new ResolutionServers(options.servers, {
    ...(options.defaultServers === undefined ? {} : { defaults: options.defaultServers }),
    strict: options.strictServerNames ?? false,
  });
  const lifecycle =
    options.runQueue === false
      ? undefined
      : new LifecycleWorker({
          store: options.store,
          queue,
          servers,
          gate,
          clock,
          settings: options.lifecycle ?? {},
          onError: (error, what) => app.log.error({ err: error }, `${what} failed`),
        });
  const afterJob = async (job: JobStateRecord) => {
    await recordJobOutcome(events, job);
    if (lifecycle === undefined || job.answeredBy === null) return;
    // Jobs take rows from the pools: top them up to their watermarks.
    const record = await options.store.getJob(job.workspace, job.answeredBy);
    await lifecycle.topUp(job.workspace, record?.tests.map((test) => test.pool) ?? []);
  };
  const context: AppContext = {
    store: options.store,
    events,
    runner: new JobRunner(options.store, {
      clock,
      gate,
      onUnexpectedError: (error, job) =>
        app.log.error({ err: error, workspace: job.workspace, job: job.id }, 'job failed'),
      onFinished: afterJob,
    }),
    servers,
    queue,
    webhooks: { allowPrivate: options.allowPrivateWebhooks ?? false, policy, publisher },
    lifecycle,
    clock,
    sessions: new SessionTokens(options.store, options.sessions),
    loginThrottle:
      options.loginThrottle === false
        ? undefined
        : new LoginThrottle(options.store, { ...DEFAULT_LOGIN_THROTTLE, ...options.loginThrottle }),
    syncWaitMs: options.syncWaitMs ?? 10_000,
    uploadLimit,
    objectStorage,
    resultValueFastPath: fastPath,
  };
  app.decorate('allot', context);
  installErrorHandler(app);
  await installOpenApi(app, SERVER_VERSION);
  await app.register(healthRoutes);
  await app.register(testRailRoutes);
  await installDashboard(
    app,
    options.dashboard === false ? undefined : (options.dashboard ?? (await findDashboardAssets())),
  );

  await app.register(async (api) => {
    installAuthentication(api, keys, limiter);
    installJsonParser(api);
    installJsonOnlyRoutes(api);
    installTextParsers(api, uploadLimit);
    await api.register(curiosityRoutes, { prefix: '/api/apikey/:apiKey', keyInPath: true });
    await api.register(curiosityRoutes, { prefix: '/api', keyInPath: false });
    await api.register(tdoRoutes);
    for (const routes of [
      poolRoutes,
      allocationTestRoutes,
      blockRoutes,
      jobRoutes,
      leaseRoutes,
      poolForecastRoutes,
      resultRoutes,
      apiKeyRoutes,
      userRoutes,
      sessionRoutes,
      invitationRoutes,
      workspaceRoutes,
      projectRoutes,
      determiningAttributeRoutes,
      coverageSetRoutes,
      businessRuleRoutes,
      datasetRoutes,
      coverageAllocationRoutes,
      auditRoutes,
      eventRoutes,
      notificationRoutes,
      serverRoutes,
      webhookRoutes,
      queueRoutes,
      schemaRoutes,
      constraintSetRoutes,
      syntheticDatasetRoutes,
      assemblyPartRoutes,
      worksetRoutes,
      eventReportRoutes,
      madeRowRoutes,
    ]) {
      await api.register(routes, { prefix: '/api/v1' });
    }
  });
  // TDMP's paths are its own root paths (/users/token, /projects/create, …); none starts with
  // /api, /health, /docs or /ui, and the facade's hooks and error shape stay inside it.
  await app.register(tdmpRoutes);

  if (options.runQueue !== false) {
    await queue.work(
      WEBHOOK_DELIVERY_KIND,
      webhookDeliveryHandler({
        store: options.store,
        allowPrivate: context.webhooks.allowPrivate,
        timeoutMs: options.webhookTimeoutMs ?? 10_000,
        clock,
        onAttempt: (attempt) =>
          app.log.info(
            { webhook: attempt.webhookId, delivery: attempt.deliveryId, status: attempt.status },
            attempt.ok ? 'webhook delivered' : `webhook delivery failed: ${attempt.error}`,
          ),
      }),
      { concurrency: 4 },
    );
    await queue.work(
      DATASET_GENERATION_KIND,
      datasetGenerationHandler({
        store: options.store,
        events,
        clock,
        ...(options.datasetPieceBytes === undefined
          ? {}
          : { pieceBytes: options.datasetPieceBytes }),
      }),
      { concurrency: 1 },
    );
    await queue.work(
      DATASET_EXPORT_KIND,
      datasetExportHandler({ store: options.store, events, storage: objectStorage, clock }),
      { concurrency: 1 },
    );
    await queue.work(
      DATA_ASSEMBLY_KIND,
      dataAssemblyHandler({ store: options.store, events, clock }),
      {
        concurrency: 1,
      },
    );
    await lifecycle?.start();
    // One at a time: each takes a core of its own in a worker thread.
    await queue.work(
      COVERAGE_CALCULATION_KIND,
      coverageCalculationHandler({ store: options.store, events, clock }),
      { concurrency: 1 },
    );
  }

  app.addHook('preClose', (done) => {
    fastPath.close();
    done();
  });
  app.addHook('onClose', async () => {
    // close() already answers new requests with 503: let running jobs commit before the store goes,
    // their events reach the queue, and the queue hand back what it runs.
    await context.runner.drain();
    await lifecycle?.close();
    await publisher.drain();
    if (closeQueue) await queue.close();
    if (options.closeStore === true) await options.store.close();
  });
  return app;
}
