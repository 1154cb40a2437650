import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recoveryCases } from '../../db/schema/index.ts';
import { caseKey } from './keys.ts';
import { logCase, SYSTEM_ACTOR } from './log.ts';

const BATCH = 200;

/**
 * The `recovery-overdue` job: every case not contacted by its due time gets one
 * `recovery.overdue` event (overdue_notified_at makes it exactly once; FOR UPDATE SKIP
 * LOCKED lets several workers share the work). Returns how many cases went overdue.
 */
export async function markOverdueCases(db: Db, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const due = await tx.execute<{ workspace_id: string; id: string }>(sql`
        select workspace_id, id from recovery_cases
         where due_at <= ${now.toISOString()}::timestamptz
           and first_contact_at is null and overdue_notified_at is null and status <> 'closed'
         order by due_at
         limit ${BATCH}
         for update skip locked`);
      for (const key of due.rows) {
        const [row] = await tx
          .update(recoveryCases)
          .set({ overdueNotifiedAt: now })
          .where(caseKey({ workspaceId: key.workspace_id, id: key.id }))
          .returning();
        if (!row) continue;
        await logCase(
          tx,
          row,
          SYSTEM_ACTOR,
          now,
          [{ type: 'overdue', data: { dueAt: row.dueAt.toISOString(), ownerId: row.ownerId } }],
          'recovery.overdue',
        );
      }
      return due.rows.length;
    });
    total += count;
    if (count < BATCH) return total;
  }
}
