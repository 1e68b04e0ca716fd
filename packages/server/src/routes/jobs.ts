import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listJobs, releaseJob, trackJob } from '@allot/use-cases';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { HttpError } from '../errors/http-error.js';
import { pageOfProbe } from '../pagination.js';
import { ODATA_WINDOW, odataPage, scalarFields, usesOData } from '../odata-list.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import {
  JobStatusSchema,
  JobSummarySchema,
  PageOf,
  ListQuery,
  ReleaseSchema,
  TestRefSchema,
  withErrors,
} from '@allot/protocol';

/** Bundles up to this size wait briefly by default, so small jobs answer in one request. */
const SMALL_JOB = 100;
const SMALL_JOB_WAIT_MS = 2000;

const JobParams = Type.Object({
  id: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
});

/** Allocation jobs: execute (at once, with an id), status with progress, list, release. */
export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['jobs'];

  app.post(
    '/jobs',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: 'Execute a bundle of allocation tests as one job',
        description:
          'Answers 202 with the job id at once, or 200 with the finished job when it ends within `waitMs` ' +
          `(default ${SMALL_JOB_WAIT_MS} ms for bundles of up to ${SMALL_JOB} tests, else 0).`,
        body: Type.Object({
          tests: Type.Array(TestRefSchema, { minItems: 1, maxItems: 10_000 }),
          server: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 500,
              description:
                "A resolution server; default, and for a name no server has (unless names are strict), the workspace's default server",
            }),
          ),
          refresh: Type.Optional(
            Type.Boolean({ description: 'Allocate anew even when live results exist' }),
          ),
          ttlSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 * 24 * 3600 })),
          seed: Type.Optional(Type.String({ maxLength: 200 })),
          waitMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000 })),
        }),
        response: withErrors({ 200: JobStatusSchema, 202: JobStatusSchema }),
      },
    },
    async (request, reply) => {
      const { store, runner, servers, clock } = contextOf(app);
      const body = request.body;
      const caller = callerOf(request);
      const { server, fallback } = servers.resolve(body.server, caller.workspace, 'body.server');
      const job = await runner.start({
        workspace: caller.workspace,
        server,
        tests: body.tests,
        createdUser: caller.user,
        keyId: caller.keyId,
        ...(body.refresh === undefined ? {} : { refresh: body.refresh }),
        ...(body.ttlSeconds === undefined ? {} : { ttlSeconds: body.ttlSeconds }),
        ...(body.seed === undefined ? {} : { seed: body.seed }),
      });
      await audit(app, request, 'job.execute', `job:${job.id}`, {
        server: server.name,
        ...(fallback ? { requestedServer: body.server } : {}),
        tests: body.tests.length,
      });
      const wait = body.waitMs ?? (body.tests.length <= SMALL_JOB ? SMALL_JOB_WAIT_MS : 0);
      const done = await runner.wait(job, wait);
      const status = await trackJob(store, caller.workspace, job.id, clock());
      if (done) return reply.status(200).send(status);
      return reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send(status);
    },
  );

  app.get(
    '/jobs',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'List committed jobs, newest first (OData options over the newest 10,000 jobs)',
        querystring: ListQuery,
        response: withErrors({ 200: PageOf(Type.Partial(JobSummarySchema)) }),
      },
    },
    async (request) => {
      const odata = usesOData(request.query);
      const { limit, offset } = request.query;
      const jobs = await listJobs(
        contextOf(app).store,
        callerOf(request).workspace,
        odata ? { limit: ODATA_WINDOW, offset: 0 } : { limit: limit + 1, offset },
      );
      const summaries = jobs.map((job) => ({
        id: job.id,
        state: job.failed > 0 ? 'failed' : 'complete',
        createdAt: job.createdAt,
        expiresAt: job.expiresAt,
        releasedAt: job.releasedAt,
        tests: job.tests.length,
        allocated: job.allocated,
        made: job.made,
        reused: job.cached,
        failed: job.failed,
      }));
      if (odata) return odataPage(request, summaries, scalarFields(JobSummarySchema.properties));
      return pageOfProbe(request, summaries, request.query);
    },
  );

  app.get(
    '/jobs/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: "A job's state, progress and per-test outcome",
        params: JobParams,
        response: withErrors({ 200: JobStatusSchema }),
      },
    },
    async (request) =>
      trackJob(
        contextOf(app).store,
        callerOf(request).workspace,
        request.params.id,
        contextOf(app).clock(),
      ),
  );

  app.post(
    '/jobs/:id/release',
    {
      config: { role: 'tester' },
      schema: {
        tags,
        summary: "Release a job's leases (consumed rows stay consumed)",
        params: JobParams,
        response: withErrors({ 200: ReleaseSchema }),
      },
    },
    async (request) => {
      const { workspace } = callerOf(request);
      const { store, clock } = contextOf(app);
      const release = await releaseJob(store, workspace, request.params.id, clock());
      if (release.kind === 'running')
        throw new HttpError(
          'CONFLICT',
          `job ${release.id} is still running; release it when it has finished`,
        );
      if (release.kind === 'nothing') return { released: 0, consumed: 0 };
      await audit(app, request, 'job.release', `job:${release.jobId}`, { ...release.outcome });
      return release.outcome;
    },
  );
};
