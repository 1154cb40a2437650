import type { ActorType } from '../../../shared/contracts/conversations.ts';
import type { DomainEventType } from '../../../shared/contracts/events.ts';
import type { RecoveryEventType } from '../../../shared/contracts/recovery.ts';
import type { Tx } from '../../db/client.ts';
import { recoveryCaseEvents, type recoveryCases } from '../../db/schema/index.ts';
import { newId } from '../../lib/id.ts';
import { emitEvents } from '../events/emit.ts';

export type CaseRow = typeof recoveryCases.$inferSelect;

/** Who acted on a case; an `automation` actor's id is the rule (the loop guard reads it). */
export interface CaseActor {
  type: ActorType;
  id: string | null;
}

export const SYSTEM_ACTOR: CaseActor = { type: 'system', id: null };

export interface CaseEntry {
  type: RecoveryEventType;
  data?: Record<string, unknown>;
}

type RecoveryDomainEvent = Extract<DomainEventType, `recovery.${string}`>;

/**
 * Appends steps to a case's log (shown on the case and the customer's timeline) and the
 * domain event they add up to (recovery.opened / updated / closed / overdue), in the
 * caller's transaction. Entries of one step get ascending ids in the order given.
 */
export async function logCase(
  tx: Tx,
  row: CaseRow,
  actor: CaseActor,
  at: Date,
  entries: CaseEntry[],
  domain: RecoveryDomainEvent | null,
): Promise<void> {
  if (entries.length === 0) return;
  const ids = entries.map(() => newId(at.getTime())).sort();
  await tx.insert(recoveryCaseEvents).values(
    entries.map((entry, index) => ({
      workspaceId: row.workspaceId,
      id: ids[index] as string,
      caseId: row.id,
      contactId: row.contactId,
      type: entry.type,
      actorType: actor.type,
      actorId: actor.id,
      data: entry.data ?? {},
      occurredAt: at,
    })),
  );
  if (!domain) return;
  await emitEvents(tx, row.workspaceId, [
    {
      type: domain,
      conversationId: row.conversationId,
      contactId: row.contactId,
      subjectId: row.id,
      data: {
        caseId: row.id,
        number: row.number,
        status: row.status,
        source: row.source,
        ownerId: row.ownerId,
        teamId: row.teamId,
        dueAt: row.dueAt.toISOString(),
        outcome: row.outcome,
        steps: entries.map((entry) => entry.type),
      },
      actor,
      at,
    },
  ]);
}
