import { IdParams, page } from '../../../shared/contracts/common.ts';
import {
  Notification,
  NotificationPreferences,
  NotificationQuery,
  ReadAllResult,
  UnreadCount,
  UpdateNotificationPreferences,
} from '../../../shared/contracts/notifications.ts';
import { forbidden, notFound } from '../../http/problem.ts';
import { type Auth, defineRoute } from '../../http/route.ts';
import { getPreferences, listNotifications, markAllRead, markRead, unreadCount, updatePreferences } from './service.ts';

const tags = ['Notifications'];

/** Notifications are personal: an API key (which acts as the workspace) has none. */
function member(auth: Auth): string {
  if (!auth.userId)
    throw forbidden('Notifications belong to members: call this with a logged-in session, not an API key.');
  return auth.userId;
}

export const notificationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/notifications',
    summary: 'Your own notifications, newest first (`unread=true`: unread only)',
    description:
      'Assigned to you, mentioned in a note (`@` + email or display name), escalated to you or your tier, SLA warning or breach of your conversations, recovery case opened for you or overdue, and automation rules’ notifications.',
    tags,
    auth: 'member',
    action: 'read',
    query: NotificationQuery,
    response: page(Notification),
    handler: ({ app, auth, query }) => listNotifications(app.db, auth.workspaceId, member(auth), query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/notifications/unread-count',
    summary: 'How many of your notifications are unread',
    tags,
    auth: 'member',
    action: 'read',
    response: UnreadCount,
    handler: async ({ app, auth }) => ({ count: await unreadCount(app.db, auth.workspaceId, member(auth)) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/{id}/read',
    summary: 'Mark one of your notifications read',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: Notification,
    handler: ({ app, auth, params }) => {
      if (!auth.userId) throw notFound('Notification');
      return markRead(app.db, auth.workspaceId, auth.userId, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    summary: 'Mark all your notifications read',
    tags,
    auth: 'member',
    action: 'read',
    response: ReadAllResult,
    handler: async ({ app, auth }) => ({ updated: await markAllRead(app.db, auth.workspaceId, member(auth)) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/notifications/preferences',
    summary: 'Your daily email digest: on or off, and the hour (workspace time zone)',
    tags,
    auth: 'member',
    action: 'read',
    response: NotificationPreferences,
    handler: ({ app, auth }) => getPreferences(app.db, auth.workspaceId, member(auth)),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/notifications/preferences',
    summary: 'Change your daily email digest (only the fields given)',
    description:
      'With the digest on, one email at the chosen hour (in the workspace’s time zone) lists the notifications still unread that no earlier digest listed; nothing unread, no email.',
    tags,
    auth: 'member',
    action: 'read',
    body: UpdateNotificationPreferences,
    response: NotificationPreferences,
    handler: ({ app, auth, body }) => updatePreferences(app.db, auth.workspaceId, member(auth), body),
  }),
];
