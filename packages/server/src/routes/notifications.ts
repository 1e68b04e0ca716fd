import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { NotificationRecord } from '@allot/core';
import {
  countUnreadNotifications,
  deleteNotification,
  listNotifications,
  markNotificationsRead,
  readNotification,
} from '@allot/use-cases';
import {
  NotificationSchema,
  PageOf,
  PageQuery,
  withErrors,
  type Notification,
} from '@allot/protocol';
import { Type } from 'typebox';
import { pageOfProbe } from '../pagination.js';
import { callerOf } from '../plugins/authenticate.js';
import { contextOf } from '../app-context.js';

const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const NotificationParams = Type.Object({ id: Id });

function notificationView(notification: NotificationRecord): Notification {
  const { workspace: _workspace, ...event } = notification.event;
  return {
    id: notification.id,
    read: notification.readAt !== null,
    readAt: notification.readAt,
    event,
  };
}

/**
 * The caller's own notifications: events that concern them (their jobs
 * finishing, their project memberships). The caller is the key's user, or
 * the key itself when it has none; nobody reads another's notifications.
 */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['notifications'];
  const { store } = contextOf(app);
  const mine = (request: Parameters<typeof callerOf>[0]) => {
    const { workspace, user } = callerOf(request);
    return { workspace, user };
  };

  app.get(
    '/notifications',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: Type.Object({
          ...PageQuery.properties,
          unread: Type.Optional(Type.Boolean({ description: 'Only unread ones.' })),
        }),
        response: withErrors({ 200: PageOf(NotificationSchema) }),
      },
    },
    async (request) => {
      const { limit, offset, unread } = request.query;
      const page = await listNotifications(store, {
        ...mine(request),
        unreadOnly: unread === true,
        page: { limit: limit + 1, offset },
      });
      return pageOfProbe(request, page.map(notificationView), request.query);
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: withErrors({ 200: Type.Object({ unread: Type.Integer() }) }),
      },
    },
    async (request) => {
      const { workspace, user } = mine(request);
      return { unread: await countUnreadNotifications(store, workspace, user) };
    },
  );

  app.post(
    '/notifications/read',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Mark my notifications read: those listed, or all',
        body: Type.Object(
          { ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000 })) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ marked: Type.Integer() }) }),
      },
    },
    async (request) => {
      const ids = request.body.ids;
      const marked = await markNotificationsRead(
        store,
        { ...mine(request), ...(ids === undefined ? {} : { ids }) },
        contextOf(app).clock(),
      );
      return { marked };
    },
  );

  app.get(
    '/notifications/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Read one of my notifications',
        params: NotificationParams,
        response: withErrors({ 200: NotificationSchema }),
      },
    },
    async (request) =>
      notificationView(await readNotification(store, { ...mine(request), id: request.params.id })),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: NotificationParams,
        response: withErrors({ 200: NotificationSchema }),
      },
    },
    async (request) => {
      const target = { ...mine(request), id: request.params.id };
      await markNotificationsRead(store, { ...target, ids: [target.id] }, contextOf(app).clock());
      return notificationView(await readNotification(store, target));
    },
  );

  app.delete(
    '/notifications/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Delete one of my notifications',
        params: NotificationParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteNotification(store, { ...mine(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
