import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { NotificationRecord } from '@allot/core';
import {
  countUnreadNotifications,
  deleteNotification,
  listNotifications,
  markNotificationsRead,
} from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { tdmpCaller } from './tdmp-auth.js';
import { TdmpPage } from './tdmp-views.js';

const NotificationParams = Type.Object({
  notification_id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});

/** A line a person reads for an event: what happened, to what. */
function messageOf(notification: NotificationRecord): string {
  const { kind, subject, details } = notification.event;
  const name = typeof details.name === 'string' ? ` "${details.name}"` : '';
  return `${kind.replaceAll('.', ' ').replaceAll('_', ' ')}: ${subject}${name}`;
}

function notificationView(notification: NotificationRecord) {
  const { event } = notification;
  return {
    id: notification.id,
    type: event.kind,
    message: messageOf(notification),
    project_id: event.project,
    actor: event.actor,
    details: event.details,
    is_read: notification.readAt !== null,
    read_at: notification.readAt,
    created_at: event.at,
  };
}

/** The caller's in-app notifications: list, unread count, mark read, delete. */
export const tdmpNotificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store, clock } = contextOf(app);
  const me = (request: Parameters<typeof tdmpCaller>[0]) => {
    const caller = tdmpCaller(request);
    return { workspace: caller.workspace, user: caller.user };
  };

  app.get(
    '/notifications',
    {
      config: { role: 'viewer' },
      schema: {
        hide,
        querystring: Type.Object({ unread_only: Type.Optional(Type.Boolean()), ...TdmpPage }),
      },
    },
    async (request) => {
      const { unread_only, limit, offset } = request.query;
      const page = await listNotifications(store, {
        ...me(request),
        ...(unread_only === undefined ? {} : { unreadOnly: unread_only }),
        page: { limit, offset },
      });
      return page.map(notificationView);
    },
  );

  app.get(
    '/notifications/unread-count',
    { config: { role: 'viewer' }, schema: { hide } },
    async (request) => {
      const { workspace, user } = me(request);
      return { count: await countUnreadNotifications(store, workspace, user) };
    },
  );

  app.post(
    '/notifications/mark-read',
    {
      config: { role: 'viewer' },
      schema: {
        hide,
        body: Type.Optional(
          Type.Object({
            ids: Type.Optional(
              Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), {
                maxItems: 1000,
              }),
            ),
          }),
        ),
      },
    },
    async (request) => {
      const ids = request.body?.ids;
      const marked = await markNotificationsRead(
        store,
        { ...me(request), ...(ids === undefined ? {} : { ids }) },
        clock(),
      );
      return { marked };
    },
  );

  app.post(
    '/notifications/:notification_id/read',
    { config: { role: 'viewer' }, schema: { hide, params: NotificationParams } },
    async (request) => {
      const ids = [request.params.notification_id];
      await markNotificationsRead(store, { ...me(request), ids }, clock());
      return { detail: 'Notification marked as read' };
    },
  );

  app.delete(
    '/notifications/:notification_id',
    { config: { role: 'viewer' }, schema: { hide, params: NotificationParams } },
    async (request) => {
      await deleteNotification(store, { ...me(request), id: request.params.notification_id });
      return { detail: 'Notification deleted' };
    },
  );
};
