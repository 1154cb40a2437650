import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../shared/contracts/common.ts';
import type {
  Notification,
  NotificationPreferences,
  UnreadCount,
  UpdateNotificationPreferences,
} from '../../shared/contracts/notifications.ts';
import { api } from './client.ts';
import { useWrite } from './hooks.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: ['notifications', 'list'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** How often the bell asks for news; it also asks when the window regains focus. */
const POLL_MS = 30_000;
const LISTED = 20;

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async ({ signal }) => (await api<UnreadCount>('/notifications/unread-count', { signal })).count,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** The latest notifications, read or not, for the bell's list (fetched when it opens). */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ signal }) => api<Page<Notification>>('/notifications', { query: { limit: LISTED }, signal }),
    enabled,
    refetchInterval: enabled ? POLL_MS : false,
  });
}

export function useMarkRead() {
  return useWrite(
    (id: string) => api<Notification>(`/notifications/${id}/read`, { method: 'POST' }),
    [notificationKeys.unread, notificationKeys.list],
  );
}

export function useMarkAllRead() {
  return useWrite(
    () => api<{ updated: number }>('/notifications/read-all', { method: 'POST' }),
    [notificationKeys.unread, notificationKeys.list],
  );
}

export function useNotificationPreferences(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => api<NotificationPreferences>('/notifications/preferences', { signal }),
    enabled,
  });
}

export function useSaveNotificationPreferences() {
  return useWrite(
    (input: UpdateNotificationPreferences) =>
      api<NotificationPreferences>('/notifications/preferences', { method: 'PUT', body: input }),
    [notificationKeys.preferences],
  );
}
