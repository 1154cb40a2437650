import { and, eq, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { conversations, slaTargets } from '../../db/schema/index.ts';
import { recordEvents } from '../conversations/events.ts';
import { lockConversation } from '../conversations/lifecycle.ts';
import { emitEvents } from '../events/emit.ts';
import { breach, nothingFired, saveTargets, type TargetRow, warn } from './targets.ts';

export interface SlaCheckResult {
  warned: number;
  breached: number;
}

/** A running clock whose warning is due (and whose deadline has not passed), or whose deadline passed. */
function dueCondition(now: Date): SQL {
  return and(
    eq(slaTargets.status, 'active'),
    or(
      and(sql`${slaTargets.warnedAt} is null`, lte(slaTargets.warnAt, now), sql`${slaTargets.dueAt} >= ${now}`),
      lt(slaTargets.dueAt, now),
    ),
  ) as SQL;
}

/**
 * The `sla-check` job (every minute): fires each running clock's warning once its warning
 * time is reached and its breach once its deadline has passed — exactly once each, however
 * often it runs and however many workers run it: each conversation is handled in its own
 * transaction under the conversation's lock (the lock every change of it takes), and a
 * clock is re-read there before it fires. A clock found past its deadline before its
 * warning fired only breaches. `now` is a parameter so tests drive time.
 */
export async function runSlaCheck(
  db: Db,
  now: Date = new Date(),
  options: { workspaceId?: string; batch?: number } = {},
): Promise<SlaCheckResult> {
  const batch = options.batch ?? 500;
  const result: SlaCheckResult = { warned: 0, breached: 0 };
  const seen = new Set<string>();
  for (;;) {
    const rows = await db
      .selectDistinct({ workspaceId: slaTargets.workspaceId, conversationId: slaTargets.conversationId })
      .from(slaTargets)
      .innerJoin(
        conversations,
        and(eq(conversations.workspaceId, slaTargets.workspaceId), eq(conversations.id, slaTargets.conversationId)),
      )
      .where(and(dueCondition(now), options.workspaceId ? eq(slaTargets.workspaceId, options.workspaceId) : undefined))
      .limit(batch);
    let progressed = false;
    for (const { workspaceId, conversationId } of rows) {
      const key = `${workspaceId}/${conversationId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      progressed = true;
      const fired = await checkConversation(db, workspaceId, conversationId, now);
      result.warned += fired.warned;
      result.breached += fired.breached;
    }
    if (rows.length < batch || !progressed) return result;
  }
}

async function checkConversation(
  db: Db,
  workspaceId: string,
  conversationId: string,
  now: Date,
): Promise<SlaCheckResult> {
  return db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, workspaceId, conversationId);
    const targets: TargetRow[] = await tx
      .select()
      .from(slaTargets)
      .where(
        and(
          eq(slaTargets.workspaceId, workspaceId),
          eq(slaTargets.conversationId, conversationId),
          inArray(slaTargets.status, ['active']),
          dueCondition(now),
        ),
      );
    const fired = nothingFired();
    const result: SlaCheckResult = { warned: 0, breached: 0 };
    for (const t of targets) {
      if (t.dueAt && t.dueAt < now) {
        breach(t, conversation.contactId, now, fired);
        result.breached += 1;
      } else if (!t.warnedAt && t.warnAt && t.warnAt <= now) {
        warn(t, conversation.contactId, now, fired);
        result.warned += 1;
      }
    }
    await saveTargets(tx, targets);
    await recordEvents(tx, workspaceId, fired.log);
    await emitEvents(tx, workspaceId, fired.domain);
    return result;
  });
}
