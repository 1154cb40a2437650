import { and, count, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import {
  type Notification,
  NotificationData,
  type NotificationPreferences,
  type NotificationQuery,
  type UpdateNotificationPreferences,
} from '../../../shared/contracts/notifications.ts';
import type { NotificationType } from '../../../shared/contracts/webhooks.ts';
import type { Tx } from '../../db/client.ts';
import { memberships, notificationPreferences, notifications, workspaces } from '../../db/schema/index.ts';
import { notFound } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { newId } from '../../lib/id.ts';
import { presentNotification } from './presenters.ts';

export interface NotifyInput {
  userIds: string[];
  type: NotificationType;
  /** What to show and where it leads (see NotificationData); unknown keys are dropped. */
  data: NotificationData;
  /** The domain event it comes from: one notification per event, person and type (repeats add nothing). */
  eventId: string | null;
  now?: Date;
}

/**
 * Writes in-app notifications inside the caller's transaction (the notifications event
 * handler, the automation rules' "notify" action). Only current members of the workspace
 * are notified, each once. Returns the ids of the people notified now.
 */
export async function notifyUsers(tx: Tx, workspaceId: string, input: NotifyInput): Promise<string[]> {
  const wanted = [...new Set(input.userIds)];
  if (wanted.length === 0) return [];
  const members = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, wanted)));
  const memberIds = new Set(members.map((m) => m.userId));
  const userIds = wanted.filter((id) => memberIds.has(id));
  if (userIds.length === 0) return [];
  const data = NotificationData.parse(input.data);
  const now = input.now ?? new Date();
  const inserted = await tx
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        workspaceId,
        id: newId(now.getTime()),
        userId,
        type: input.type,
        data,
        eventId: input.eventId,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: notifications.userId });
  return inserted.map((row) => row.userId);
}

const own = (workspaceId: string, userId: string) =>
  and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId));

export async function listNotifications(
  tx: Tx,
  workspaceId: string,
  userId: string,
  query: NotificationQuery,
): Promise<Page<Notification>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await tx
    .select()
    .from(notifications)
    .where(
      and(
        own(workspaceId, userId),
        query.unread ? isNull(notifications.readAt) : undefined,
        cursor
          ? or(
              lt(notifications.createdAt, new Date(cursor.at)),
              and(eq(notifications.createdAt, new Date(cursor.at)), lt(notifications.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { data: page.data.map(presentNotification), nextCursor: page.nextCursor };
}

export async function unreadCount(tx: Tx, workspaceId: string, userId: string): Promise<number> {
  const [row] = await tx
    .select({ count: count() })
    .from(notifications)
    .where(and(own(workspaceId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

/** Marks one of the member's own notifications read (reading it again keeps the first time). */
export async function markRead(tx: Tx, workspaceId: string, userId: string, id: string): Promise<Notification> {
  const [row] = await tx
    .select()
    .from(notifications)
    .where(and(own(workspaceId, userId), eq(notifications.id, id)))
    .limit(1);
  if (!row) throw notFound('Notification');
  if (row.readAt) return presentNotification(row);
  const [updated] = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(own(workspaceId, userId), eq(notifications.id, id)))
    .returning();
  return presentNotification(updated ?? row);
}

export async function markAllRead(tx: Tx, workspaceId: string, userId: string): Promise<number> {
  const updated = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(own(workspaceId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}

const DEFAULT_DIGEST_HOUR = 9;

export async function getPreferences(tx: Tx, workspaceId: string, userId: string): Promise<NotificationPreferences> {
  const [row] = await tx
    .select({
      dailyDigest: notificationPreferences.dailyDigest,
      digestHour: notificationPreferences.digestHour,
      lastDigestAt: notificationPreferences.lastDigestAt,
    })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.workspaceId, workspaceId), eq(notificationPreferences.userId, userId)))
    .limit(1);
  const [workspace] = await tx
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  return {
    dailyDigest: row?.dailyDigest ?? false,
    digestHour: row?.digestHour ?? DEFAULT_DIGEST_HOUR,
    timeZone: workspace?.timeZone ?? 'UTC',
    lastDigestAt: row?.lastDigestAt?.toISOString() ?? null,
  };
}

export async function updatePreferences(
  tx: Tx,
  workspaceId: string,
  userId: string,
  input: UpdateNotificationPreferences,
): Promise<NotificationPreferences> {
  const current = await getPreferences(tx, workspaceId, userId);
  const next = {
    dailyDigest: input.dailyDigest ?? current.dailyDigest,
    digestHour: input.digestHour ?? current.digestHour,
    updatedAt: new Date(),
  };
  await tx
    .insert(notificationPreferences)
    .values({ workspaceId, userId, ...next })
    .onConflictDoUpdate({ target: [notificationPreferences.workspaceId, notificationPreferences.userId], set: next });
  return getPreferences(tx, workspaceId, userId);
}
