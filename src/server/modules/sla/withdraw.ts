import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { conversations, slaTargets } from '../../db/schema/index.ts';
import { earliestDue, isOpen, openCondition, saveDueAt, saveTargets } from './targets.ts';

/**
 * A deleted policy's promises: every open clock of it is cancelled (a breach already
 * recorded stays), and each conversation's due time is recomputed from what is left.
 * Conversations are locked one by one in id order, the lock every change takes.
 */
export async function withdrawClocks(tx: Tx, workspaceId: string, policyId: string, at: Date): Promise<number> {
  const affected = await tx
    .selectDistinct({ conversationId: slaTargets.conversationId })
    .from(slaTargets)
    .where(and(eq(slaTargets.workspaceId, workspaceId), eq(slaTargets.policyId, policyId), openCondition()))
    .orderBy(asc(slaTargets.conversationId));
  for (const { conversationId } of affected) {
    await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)))
      .for('update');
    const open = await tx
      .select()
      .from(slaTargets)
      .where(
        and(eq(slaTargets.workspaceId, workspaceId), eq(slaTargets.conversationId, conversationId), openCondition()),
      );
    const withdrawn = open.filter((t) => t.policyId === policyId);
    for (const t of withdrawn) {
      t.status = 'cancelled';
      t.pausedAt = null;
      t.updatedAt = at;
    }
    await saveTargets(tx, withdrawn);
    await saveDueAt(tx, workspaceId, conversationId, earliestDue(open.filter(isOpen)));
  }
  return affected.length;
}
