import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { SlaEventData, SlaTargetSummary } from '../../../shared/contracts/sla.ts';
import type { Tx } from '../../db/client.ts';
import { conversations, slaPolicies, slaTargets } from '../../db/schema/index.ts';
import type { NewDomainEvent } from '../events/emit.ts';

export type TargetRow = typeof slaTargets.$inferSelect;

/**
 * Target states (see the schema): open = still to be fulfilled — active, paused, or
 * breached and not yet met; running = open and counting (not paused): its deadline is the
 * conversation's `sla_due_at` candidate.
 */
export const isOpen = (t: TargetRow) =>
  t.status === 'active' || t.status === 'paused' || (t.status === 'breached' && t.metAt === null);
export const isRunning = (t: TargetRow) =>
  (t.status === 'active' || (t.status === 'breached' && t.metAt === null)) && t.pausedAt === null && t.dueAt !== null;

/** SQL twin of isOpen over `sla_targets`. */
export const openCondition = (): SQL =>
  or(
    inArray(slaTargets.status, ['active', 'paused']),
    and(eq(slaTargets.status, 'breached'), isNull(slaTargets.metAt)),
  ) as SQL;

/** The nearest running deadline among targets, or null. */
export function earliestDue(targets: readonly TargetRow[]): Date | null {
  let due: Date | null = null;
  for (const t of targets) if (isRunning(t) && t.dueAt && (!due || t.dueAt < due)) due = t.dueAt;
  return due;
}

export function eventData(t: TargetRow): SlaEventData {
  return {
    targetId: t.id,
    kind: t.kind,
    dueAt: (t.dueAt ?? t.updatedAt).toISOString(),
    policyId: t.policyId,
    cycle: t.cycle,
    sequence: t.sequence,
  };
}

export interface Fired {
  /** `sla_breached` entries for the conversation log. */
  log: {
    conversationId: string;
    cycle: number;
    type: 'sla_breached';
    actor: { type: 'system'; id: null };
    at: Date;
    data: Record<string, unknown>;
  }[];
  /** `sla.warning` / `sla.breached` domain events. */
  domain: NewDomainEvent[];
}

export const nothingFired = (): Fired => ({ log: [], domain: [] });

/**
 * The breach of a running target whose deadline passed, noticed at `now`: it fires once
 * (status `breached`, `breached_at` = the deadline), with a log entry at the deadline and
 * the `sla.breached` domain event.
 */
export function breach(t: TargetRow, contactId: string | null, now: Date, fired: Fired): void {
  const dueAt = t.dueAt ?? now;
  t.status = 'breached';
  t.breachedAt = dueAt;
  t.updatedAt = now;
  const data = eventData(t);
  fired.log.push({
    conversationId: t.conversationId,
    cycle: t.cycle,
    type: 'sla_breached',
    actor: { type: 'system', id: null },
    at: dueAt,
    data: { ...data, targetSeconds: t.targetSeconds },
  });
  fired.domain.push({ type: 'sla.breached', conversationId: t.conversationId, contactId, data: { ...data }, at: now });
}

/** The warning of a running target, once: `warned_at` and the `sla.warning` domain event. */
export function warn(t: TargetRow, contactId: string | null, now: Date, fired: Fired): void {
  t.warnedAt = now;
  t.updatedAt = now;
  fired.domain.push({
    type: 'sla.warning',
    conversationId: t.conversationId,
    contactId,
    data: { ...eventData(t) },
    at: now,
  });
}

/** Writes the mutable fields of changed targets back, one statement each. */
export async function saveTargets(tx: Tx, targets: readonly TargetRow[]): Promise<void> {
  for (const t of targets) {
    await tx
      .update(slaTargets)
      .set({
        policyId: t.policyId,
        targetSeconds: t.targetSeconds,
        calendarId: t.calendarId,
        dueAt: t.dueAt,
        warnAt: t.warnAt,
        remainingSeconds: t.remainingSeconds,
        pausedAt: t.pausedAt,
        status: t.status,
        warnedAt: t.warnedAt,
        breachedAt: t.breachedAt,
        metAt: t.metAt,
        agentId: t.agentId,
        teamId: t.teamId,
        updatedAt: t.updatedAt,
      })
      .where(and(eq(slaTargets.workspaceId, t.workspaceId), eq(slaTargets.id, t.id)));
  }
}

/** Keeps `conversations.sla_due_at` = the nearest running deadline of the conversation. */
export async function saveDueAt(tx: Tx, workspaceId: string, conversationId: string, dueAt: Date | null) {
  await tx
    .update(conversations)
    .set({ slaDueAt: dueAt })
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        eq(conversations.id, conversationId),
        sql`${conversations.slaDueAt} is distinct from ${dueAt ? dueAt.toISOString() : null}::timestamptz`,
      ),
    );
}

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export interface ConversationSla {
  dueAt: string | null;
  targets: SlaTargetSummary[];
}

/**
 * The open SLA targets of conversations (running, paused, or breached and unmet), in one
 * query, with the nearest running deadline: what the inbox shows.
 */
export async function slaOfConversations(
  tx: Tx,
  workspaceId: string,
  conversationIds: readonly string[],
): Promise<Map<string, ConversationSla>> {
  const out = new Map<string, ConversationSla>();
  if (conversationIds.length === 0) return out;
  const rows = await tx
    .select({ target: slaTargets, policyName: slaPolicies.name })
    .from(slaTargets)
    .leftJoin(
      slaPolicies,
      and(eq(slaPolicies.workspaceId, slaTargets.workspaceId), eq(slaPolicies.id, slaTargets.policyId)),
    )
    .where(
      and(
        eq(slaTargets.workspaceId, workspaceId),
        inArray(slaTargets.conversationId, [...new Set(conversationIds)]),
        openCondition(),
      ),
    );
  const byConversation = new Map<string, TargetRow[]>();
  const names = new Map<string, string | null>();
  for (const { target, policyName } of rows) {
    byConversation.set(target.conversationId, [...(byConversation.get(target.conversationId) ?? []), target]);
    names.set(target.id, policyName);
  }
  const order = { first_response: 0, next_response: 1, resolution: 2 } as const;
  for (const [conversationId, targets] of byConversation) {
    targets.sort((a, b) => order[a.kind] - order[b.kind] || a.sequence - b.sequence);
    out.set(conversationId, {
      dueAt: isoOrNull(earliestDue(targets)),
      targets: targets.map((t) => ({
        id: t.id,
        kind: t.kind,
        sequence: t.sequence,
        cycle: t.cycle,
        status: t.status,
        policyId: t.policyId,
        policyName: names.get(t.id) ?? null,
        targetSeconds: t.targetSeconds,
        startedAt: t.startedAt.toISOString(),
        dueAt: t.pausedAt ? null : isoOrNull(t.dueAt),
        warnAt: t.status === 'active' ? isoOrNull(t.warnAt) : null,
        remainingSeconds: t.status === 'paused' ? t.remainingSeconds : null,
        warnedAt: isoOrNull(t.warnedAt),
        breachedAt: isoOrNull(t.breachedAt),
      })),
    });
  }
  return out;
}
