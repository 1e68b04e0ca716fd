import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isAllotError, WEBHOOK_EVENT_KINDS, type Webhook } from '@allot/core';
import {
  createS3Integration,
  createWebhook,
  deleteS3Integration,
  deleteWebhook,
  findWebhookRecord,
  listS3Integrations,
  listWebhooks,
  pingWebhook,
  testS3Integration,
  updateS3Integration,
  updateWebhook,
} from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { audit } from '../../audit.js';
import { checkDestination } from '../../webhooks/destination-policy.js';
import { HttpError } from '../../errors/http-error.js';
import { tdmpCaller } from './tdmp-auth.js';
import {
  checkedConfig,
  S3_PROVIDER,
  S3Config,
  S3ConfigChanges,
  s3IntegrationView,
  s3TargetOf,
} from './tdmp-s3-integrations.js';

const Url = Type.String({ minLength: 1, maxLength: 2000 });
const Events = Type.Array(Type.Union(WEBHOOK_EVENT_KINDS.map((kind) => Type.Literal(kind))), {
  minItems: 1,
  maxItems: WEBHOOK_EVENT_KINDS.length,
});
const Secret = Type.String({ minLength: 16, maxLength: 200 });
const Name = Type.String({ minLength: 1, maxLength: 500 });
const WebhookConfig = Type.Object({ url: Url, events: Events, secret: Type.Optional(Secret) });
const WebhookChanges = Type.Object({
  url: Type.Optional(Url),
  events: Type.Optional(Events),
  secret: Type.Optional(Secret),
});
/** Each provider's config is checked against its own schema once the provider is known. */
const AnyConfig = Type.Record(Type.String(), Type.Unknown());
const IntegrationParams = Type.Object({
  integration_id: Type.String({ minLength: 1, maxLength: 64 }),
});

/** The providers this deployment can configure. */
const PROVIDERS = [
  {
    id: 'webhook',
    name: 'Webhook',
    description:
      'POSTs each event of the chosen kinds to a URL, signed with HMAC-SHA256 and retried with backoff.',
    config: {
      url: 'string (https URL)',
      events: [...WEBHOOK_EVENT_KINDS],
      secret: 'string (optional)',
    },
  },
  S3_PROVIDER,
];

function integrationView(webhook: Webhook) {
  return {
    integration_id: webhook.id,
    provider: 'webhook',
    name: webhook.description,
    config: { url: webhook.url, events: webhook.events },
    is_active: webhook.active,
    created_by: webhook.createdBy,
    created_at: webhook.createdAt,
    updated_at: webhook.updatedAt,
  };
}

/**
 * Integrations (Admin and SuperUser): the `s3` provider (buckets datasets
 * are exported to) and the `webhook` provider, over allot's webhooks, with the reference's events (`dataset.completed`,
 * `dataset.failed`, `schema.uploaded`, `project.created`, and the
 * allocation jobs' `job.completed` and `job.failed`).
 */
export const tdmpIntegrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store, clock, queue, webhooks, objectStorage } = contextOf(app);
  const check = (url: string) => checkDestination(url, webhooks.allowPrivate);

  app.get(
    '/integrations/providers',
    { config: { role: 'admin' }, schema: { hide } },
    () => PROVIDERS,
  );

  app.get('/integrations', { config: { role: 'admin' }, schema: { hide } }, async (request) => {
    const { workspace } = tdmpCaller(request);
    const all = [
      ...(await listWebhooks(store, workspace)).map(integrationView),
      ...(await listS3Integrations(store, workspace)).map(s3IntegrationView),
    ];
    return all.sort((a, b) => a.created_at.localeCompare(b.created_at));
  });

  app.post(
    '/integrations',
    {
      config: { role: 'admin' },
      schema: {
        hide,
        body: Type.Object({
          provider: Type.Union([Type.Literal('webhook'), Type.Literal('s3')]),
          name: Type.Optional(Name),
          config: AnyConfig,
          is_active: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request, reply) => {
      const { workspace, actor } = tdmpCaller(request);
      const { name, is_active } = request.body;
      if (request.body.provider === 's3') {
        const config = checkedConfig(S3Config, request.body.config);
        const integration = await asValidation(() =>
          createS3Integration(
            store,
            {
              workspace,
              actor,
              name: name ?? null,
              active: is_active ?? true,
              target: s3TargetOf(config),
            },
            clock(),
          ),
        );
        // The secret access key is kept for uploads and never answered, not even now.
        await audit(app, request, 'integration.create', `integration:${integration.id}`, {
          provider: 's3',
          bucket: integration.bucket,
        });
        return reply.status(201).send(s3IntegrationView(integration));
      }
      const config = checkedConfig(WebhookConfig, request.body.config);
      const webhook = await createWebhook(
        store,
        {
          workspace,
          actor,
          url: config.url,
          events: config.events,
          ...(config.secret === undefined ? {} : { secret: config.secret }),
          ...(is_active === undefined ? {} : { active: is_active }),
          ...(name === undefined ? {} : { description: name }),
        },
        check,
        clock(),
      );
      await audit(app, request, 'webhook.create', `webhook:${webhook.id}`, {
        url: webhook.url,
        events: webhook.events,
      });
      // The secret is shown this once, as allot's own API does.
      return reply.status(201).send({ ...integrationView(webhook), secret: webhook.secret });
    },
  );

  app.put(
    '/integrations/:integration_id',
    {
      config: { role: 'admin' },
      schema: {
        hide,
        params: IntegrationParams,
        body: Type.Object({
          name: Type.Optional(Name),
          config: Type.Optional(AnyConfig),
          is_active: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request) => {
      const { workspace, actor } = tdmpCaller(request);
      const { name, is_active } = request.body;
      const id = request.params.integration_id;
      if ((await findWebhookRecord(store, workspace, id)) === undefined) {
        const changes = checkedConfig(S3ConfigChanges, request.body.config ?? {});
        const integration = await asValidation(() =>
          updateS3Integration(
            store,
            { workspace, id, actor },
            {
              ...(name === undefined ? {} : { name }),
              ...(is_active === undefined ? {} : { active: is_active }),
              target: Object.fromEntries(
                Object.entries(changes).filter(([, value]) => value !== undefined),
              ),
            },
            clock(),
          ),
        );
        await audit(app, request, 'integration.update', `integration:${integration.id}`);
        return s3IntegrationView(integration);
      }
      const config =
        request.body.config === undefined
          ? undefined
          : checkedConfig(WebhookChanges, request.body.config);
      const webhook = await updateWebhook(
        store,
        { workspace, id: request.params.integration_id, actor },
        {
          ...(config?.url === undefined ? {} : { url: config.url }),
          ...(config?.events === undefined ? {} : { events: config.events }),
          ...(config?.secret === undefined ? {} : { secret: config.secret }),
          ...(is_active === undefined ? {} : { active: is_active }),
          ...(name === undefined ? {} : { description: name }),
        },
        check,
        clock(),
      );
      await audit(app, request, 'webhook.update', `webhook:${webhook.id}`);
      return integrationView(webhook);
    },
  );

  app.delete(
    '/integrations/:integration_id',
    { config: { role: 'admin' }, schema: { hide, params: IntegrationParams } },
    async (request) => {
      const { workspace, actor } = tdmpCaller(request);
      const id = request.params.integration_id;
      if ((await findWebhookRecord(store, workspace, id)) === undefined) {
        await deleteS3Integration(store, { workspace, id, actor }, clock());
        await audit(app, request, 'integration.delete', `integration:${id}`);
        return { detail: 'Integration deleted' };
      }
      await deleteWebhook(store, { workspace, id, actor }, clock());
      await audit(app, request, 'webhook.delete', `webhook:${id}`);
      return { detail: 'Integration deleted' };
    },
  );

  app.post(
    '/integrations/:integration_id/test',
    { config: { role: 'admin' }, schema: { hide, params: IntegrationParams } },
    async (request, reply) => {
      const { workspace, actor } = tdmpCaller(request);
      const id = request.params.integration_id;
      if ((await findWebhookRecord(store, workspace, id)) === undefined) {
        const bucket = await testS3Integration(store, objectStorage, { workspace, id });
        return reply.status(200).send({ detail: 'Bucket reachable', bucket });
      }
      const queued = await pingWebhook(
        store,
        queue,
        { workspace, id: request.params.integration_id, actor },
        webhooks.policy,
        clock(),
      );
      return reply.status(202).send({
        detail: 'Test event queued',
        delivery_id: queued.deliveryId,
        queued_job_id: queued.queuedJobId,
      });
    },
  );
};

/**
 * Runs a use case whose refusals of a setting (`INVALID_INPUT` naming a
 * `config.` field, or one of `fields`) are validation errors of the body
 * here: a 422 naming the body's field, as TDMP answers a bad field.
 */
export async function asValidation<T>(
  run: () => Promise<T>,
  /** Which fields are the body's, and under which name: by default every `config.` one. */
  fields: Record<string, string> = {},
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const field = isAllotError(error) ? error.details['field'] : undefined;
    const named =
      typeof field !== 'string'
        ? undefined
        : (fields[field] ?? (field.startsWith('config.') ? `body.${field}` : undefined));
    if (isAllotError(error) && error.code === 'INVALID_INPUT' && named !== undefined)
      throw new HttpError('VALIDATION_FAILED', error.message, named);
    throw error;
  }
}
