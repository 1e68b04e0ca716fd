import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isAllotError, type Webhook } from '@allot/core';
import {
  createWebhook,
  deleteWebhook,
  listWebhookAttempts,
  listWebhooks,
  pingWebhook,
  readWebhook,
  updateWebhook,
} from '@allot/use-cases';
import {
  CreatedWebhookSchema,
  NewWebhookBody,
  PageOf,
  PageQuery,
  QueuedDeliverySchema,
  WebhookAttemptSchema,
  WebhookPatchBody,
  WebhookSchema,
  withErrors,
} from '@allot/protocol';
import { Type } from 'typebox';
import { audit } from '../audit.js';
import { HttpError } from '../errors/http-error.js';
import { pageOfList, pageOfProbe } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';
import { checkDestination } from '../webhooks/destination-policy.js';

const WebhookParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

function webhookView(webhook: Webhook) {
  return {
    id: webhook.id,
    url: webhook.url,
    events: webhook.events,
    active: webhook.active,
    description: webhook.description,
    createdBy: webhook.createdBy,
    createdAt: webhook.createdAt,
    updatedAt: webhook.updatedAt,
  };
}

/** A core error about a body field, named as a route validation names it (`body.url`). */
async function inBody<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      isAllotError(error) &&
      error.code === 'INVALID_INPUT' &&
      typeof error.details.field === 'string'
    ) {
      throw new HttpError('INVALID_INPUT', error.message, `body.${error.details.field}`);
    }
    throw error;
  }
}

/**
 * Webhooks of the caller's workspace (admins only): create, read, change,
 * delete, ping, and the delivery log. Deliveries are queued jobs of kind
 * `webhook-delivery`, signed and retried by whichever replica's worker runs
 * them.
 */
export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['webhooks'];
  const check = (url: string) => checkDestination(url, contextOf(app).webhooks.allowPrivate);

  app.post(
    '/webhooks',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Create a webhook',
        description:
          'Checks that `url` resolves and leads to no loopback, private or link-local address (unless the server allows them). ' +
          'Without `secret` one is made; the answer shows it this once.',
        body: NewWebhookBody,
        response: withErrors({ 201: CreatedWebhookSchema }),
      },
    },
    async (request, reply) => {
      const { workspace, actor } = callerOf(request);
      const { store, clock } = contextOf(app);
      const webhook = await inBody(() =>
        createWebhook(store, { ...request.body, workspace, actor }, check, clock()),
      );
      await audit(app, request, 'webhook.create', `webhook:${webhook.id}`, {
        url: webhook.url,
        events: webhook.events,
      });
      return reply.status(201).send({ ...webhookView(webhook), secret: webhook.secret });
    },
  );

  app.get(
    '/webhooks',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'List webhooks',
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(WebhookSchema) }),
      },
    },
    async (request) =>
      pageOfList(
        request,
        (await listWebhooks(contextOf(app).store, callerOf(request).workspace)).map(webhookView),
        request.query,
      ),
  );

  app.get(
    '/webhooks/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Read a webhook',
        params: WebhookParams,
        response: withErrors({ 200: WebhookSchema }),
      },
    },
    async (request) =>
      webhookView(
        await readWebhook(contextOf(app).store, callerOf(request).workspace, request.params.id),
      ),
  );

  app.patch(
    '/webhooks/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: "Change a webhook's URL, events, secret, description or active flag",
        params: WebhookParams,
        body: WebhookPatchBody,
        response: withErrors({ 200: WebhookSchema }),
      },
    },
    async (request) => {
      const { workspace, actor } = callerOf(request);
      const { store, clock } = contextOf(app);
      const webhook = await inBody(() =>
        updateWebhook(
          store,
          { workspace, id: request.params.id, actor },
          request.body,
          check,
          clock(),
        ),
      );
      const { secret, ...changed } = request.body;
      await audit(app, request, 'webhook.update', `webhook:${webhook.id}`, {
        ...changed,
        ...(secret === undefined ? {} : { secret: 'changed' }),
      });
      return webhookView(webhook);
    },
  );

  app.delete(
    '/webhooks/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Delete a webhook',
        params: WebhookParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const { workspace, actor } = callerOf(request);
      const { store, clock } = contextOf(app);
      await deleteWebhook(store, { workspace, id: request.params.id, actor }, clock());
      await audit(app, request, 'webhook.delete', `webhook:${request.params.id}`);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/webhooks/:id/test',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Send a ping to a webhook',
        description:
          'Queues a signed `ping` delivery, retried like any other; follow it in the delivery log or at `/api/v1/queue/{queuedJobId}`.',
        params: WebhookParams,
        response: withErrors({ 202: QueuedDeliverySchema }),
      },
    },
    async (request, reply) => {
      const { workspace, actor } = callerOf(request);
      const { store, queue, clock, webhooks } = contextOf(app);
      const queued = await pingWebhook(
        store,
        queue,
        { workspace, id: request.params.id, actor },
        webhooks.policy,
        clock(),
      );
      return reply.status(202).send(queued);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: "A webhook's delivery log: every attempt, oldest first",
        params: WebhookParams,
        querystring: PageQuery,
        response: withErrors({ 200: PageOf(WebhookAttemptSchema) }),
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const probe = await listWebhookAttempts(
        contextOf(app).store,
        callerOf(request).workspace,
        request.params.id,
        { limit: limit + 1, offset },
      );
      return pageOfProbe(request, probe, request.query);
    },
  );
};
