import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { conversations, workspaces } from '../../db/schema/index.ts';
import { recordEvents, SYSTEM } from './events.ts';
import { changeStatus, lockConversation, saveConversation } from './lifecycle.ts';

export const DEFAULT_AUTO_CLOSE_DAYS = 4;

/**
 * Resolved conversations close after a quiet period (workspace setting `autoCloseDays`,
 * default 4 days); a customer writing after that starts a new cycle all the same.
 */
export async function autoCloseResolved(
  db: Db,
  now = new Date(),
  options: { batch?: number; workspaceId?: string } = {},
): Promise<number> {
  const batch = options.batch ?? 500;
  let closed = 0;
  // Batch after batch until none is left, so no workspace waits for another's backlog.
  for (;;) {
    const done = await closeBatch(db, now, batch, options.workspaceId);
    closed += done;
    if (done < batch) return closed;
  }
}

async function closeBatch(db: Db, now: Date, batch: number, workspaceId: string | undefined): Promise<number> {
  const rows = await db
    .select({ workspaceId: conversations.workspaceId, id: conversations.id })
    .from(conversations)
    .innerJoin(workspaces, eq(workspaces.id, conversations.workspaceId))
    .where(
      and(
        eq(conversations.status, 'resolved'),
        workspaceId ? eq(conversations.workspaceId, workspaceId) : undefined,
        lt(
          conversations.resolvedAt,
          sql`${now.toISOString()}::timestamptz - make_interval(days => coalesce((${workspaces.settings}->>'autoCloseDays')::int, ${DEFAULT_AUTO_CLOSE_DAYS}))`,
        ),
      ),
    )
    .limit(batch);
  for (const { workspaceId, id } of rows) {
    await db.transaction(async (tx) => {
      const row = await lockConversation(tx, workspaceId, id);
      if (row.status !== 'resolved') return;
      const events = await changeStatus(tx, workspaceId, row, 'closed', SYSTEM, now);
      await saveConversation(tx, row, now);
      await recordEvents(tx, workspaceId, events);
    });
  }
  return rows.length;
}
