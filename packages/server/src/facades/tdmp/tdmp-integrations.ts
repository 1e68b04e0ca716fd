import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { WEBHOOK_EVENT_KINDS, type Webhook } from '@allot/core';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  pingWebhook,
  updateWebhook,
} from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { audit } from '../../audit.js';
import { checkDestination } from '../../webhooks/destination-policy.js';
import { tdmpCaller } from './tdmp-auth.js';

const Url = Type.String({ minLength: 1, maxLength: 2000 });
const Events = Type.Array(Type.Union(WEBHOOK_EVENT_KINDS.map((kind) => Type.Literal(kind))), {
  minItems: 1,
  maxItems: WEBHOOK_EVENT_KINDS.length,
});
const Secret = Type.String({ minLength: 16, maxLength: 200 });
const Name = Type.String({ minLength: 1, maxLength: 500 });
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
 * Integrations (Admin and SuperUser): the `webhook` provider, over allot's
 * webhooks, with the reference's events (`dataset.completed`,
 * `dataset.failed`, `schema.uploaded`, `project.created`, and the
 * allocation jobs' `job.completed` and `job.failed`).
 */
export const tdmpIntegrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store, clock, queue, webhooks } = contextOf(app);
  const check = (url: string) => checkDestination(url, webhooks.allowPrivate);

  app.get(
    '/integrations/providers',
    { config: { role: 'admin' }, schema: { hide } },
    () => PROVIDERS,
  );

  app.get('/integrations', { config: { role: 'admin' }, schema: { hide } }, async (request) =>
    (await listWebhooks(store, tdmpCaller(request).workspace)).map(integrationView),
  );

  app.post(
    '/integrations',
    {
      config: { role: 'admin' },
      schema: {
        hide,
        body: Type.Object({
          provider: Type.Literal('webhook'),
          name: Type.Optional(Name),
          config: Type.Object({ url: Url, events: Events, secret: Type.Optional(Secret) }),
          is_active: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request, reply) => {
      const { workspace, actor } = tdmpCaller(request);
      const { name, config, is_active } = request.body;
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
          config: Type.Optional(
            Type.Object({
              url: Type.Optional(Url),
              events: Type.Optional(Events),
              secret: Type.Optional(Secret),
            }),
          ),
          is_active: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request) => {
      const { workspace, actor } = tdmpCaller(request);
      const { name, config, is_active } = request.body;
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
