import { type Notification, NotificationData } from '../../../shared/contracts/notifications.ts';
import type { notifications } from '../../db/schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export function presentNotification(row: NotificationRow): Notification {
  const data = NotificationData.safeParse(row.data);
  return {
    id: row.id,
    type: row.type,
    data: data.success ? data.data : {},
    eventId: row.eventId,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
