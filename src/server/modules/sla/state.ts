import { type SQL, sql } from 'drizzle-orm';
import type { ConversationStatus } from '../../../shared/contracts/conversations.ts';
import type { SlaTargetKind, SlaTargetStatus } from '../../../shared/contracts/sla.ts';
import type { Tx } from '../../db/client.ts';
import type { SlaSubject } from './matching.ts';
import type { TargetRow } from './targets.ts';

/** What the SLA engine reads of a conversation (after the change was saved) and its company. */
export interface SlaConversation extends SlaSubject {
  id: string;
  status: ConversationStatus;
  cycle: number;
  contactId: string;
  assigneeId: string | null;
  teamId: string | null;
  cycleStartedAt: Date;
  firstResponseAt: Date | null;
  waitingSince: Date | null;
  slaDueAt: Date | null;
}

type Json = Record<string, unknown>;

interface Row extends Record<string, unknown> {
  id: string;
  status: ConversationStatus;
  cycle: number;
  priority: string;
  channel: string;
  tags: string[] | null;
  contact_id: string;
  assignee_id: string | null;
  team_id: string | null;
  cycle_started_ms: number | string | null;
  first_response_ms: number | string | null;
  waiting_since_ms: number | string | null;
  sla_due_ms: number | string | null;
  plan: string | null;
  tier: string | null;
  targets: Json[] | string;
}

const date = (value: unknown): Date | null => (typeof value === 'string' ? new Date(value) : null);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const int = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function targetOf(t: Json): TargetRow {
  return {
    workspaceId: String(t.workspace_id),
    id: String(t.id),
    conversationId: String(t.conversation_id),
    cycle: Number(t.cycle),
    kind: t.kind as SlaTargetKind,
    sequence: Number(t.sequence),
    policyId: String(t.policy_id),
    targetSeconds: Number(t.target_seconds),
    calendarId: text(t.calendar_id),
    startedAt: date(t.started_at) ?? new Date(0),
    dueAt: date(t.due_at),
    warnAt: date(t.warn_at),
    remainingSeconds: int(t.remaining_seconds),
    pausedAt: date(t.paused_at),
    status: t.status as SlaTargetStatus,
    warnedAt: date(t.warned_at),
    breachedAt: date(t.breached_at),
    metAt: date(t.met_at),
    agentId: text(t.agent_id),
    teamId: text(t.team_id),
    channel: String(t.channel),
    createdAt: date(t.created_at) ?? new Date(0),
    updatedAt: date(t.updated_at) ?? new Date(0),
  };
}

/**
 * One round trip: the conversation's state, its company's plan and tier (`attributes.tier`),
 * and its SLA targets that are open or belong to one of `cycles` (timestamps as epoch
 * milliseconds and JSON, whatever the session's date format).
 */
export async function conversationClocks(
  tx: Tx,
  workspaceId: string,
  conversationId: string,
  cycles: number[],
): Promise<{ state: SlaConversation; targets: TargetRow[] } | null> {
  const inCycles: SQL = sql`t.cycle = any(${sql.param(cycles)}::int[])`;
  const ms = (column: string) => sql.raw(`(extract(epoch from c.${column}) * 1000)::float8`);
  const result = await tx.execute<Row>(sql`
    select c.id, c.status, c.cycle, c.priority, c.channel, c.tags, c.contact_id, c.assignee_id, c.team_id,
      ${ms('cycle_started_at')} as cycle_started_ms, ${ms('first_response_at')} as first_response_ms,
      ${ms('waiting_since')} as waiting_since_ms, ${ms('sla_due_at')} as sla_due_ms,
      co.plan, co.attributes->>'tier' as tier,
      coalesce((select jsonb_agg(to_jsonb(t)) from sla_targets t
        where t.workspace_id = c.workspace_id and t.conversation_id = c.id
          and (t.status in ('active', 'paused') or (t.status = 'breached' and t.met_at is null) or ${inCycles})),
        '[]'::jsonb) as targets
    from conversations c
    left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id
    where c.workspace_id = ${workspaceId} and c.id = ${conversationId}`);
  const row = result.rows[0];
  if (!row) return null;
  const targets = typeof row.targets === 'string' ? (JSON.parse(row.targets) as Json[]) : row.targets;
  const at = (value: number | string | null) => (value === null ? null : new Date(Number(value)));
  return {
    state: {
      id: row.id,
      status: row.status,
      cycle: Number(row.cycle),
      priority: row.priority,
      channel: row.channel,
      tags: row.tags ?? [],
      contactId: row.contact_id,
      assigneeId: row.assignee_id,
      teamId: row.team_id,
      cycleStartedAt: at(row.cycle_started_ms) ?? new Date(0),
      firstResponseAt: at(row.first_response_ms),
      waitingSince: at(row.waiting_since_ms),
      slaDueAt: at(row.sla_due_ms),
      companyPlan: row.plan,
      companyTier: row.tier,
    },
    targets: targets.map(targetOf),
  };
}
