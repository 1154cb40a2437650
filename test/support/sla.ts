import { sql } from 'drizzle-orm';
import type { AppContext } from '../../src/server/context.ts';
import type { Calendar } from '../../src/shared/contracts/calendars.ts';
import type { Conversation } from '../../src/shared/contracts/conversations.ts';
import type { SlaPolicy, SlaTargetKind, SlaTargetSummary } from '../../src/shared/contracts/sla.ts';
import { expectStatus, getConversation } from './factories.ts';
import type { Client } from './http.ts';

/** A wall-clock time in Tokyo ('2025-11-19 17:00') as the instant's ISO string in UTC. */
export const jst = (wall: string) => new Date(`${wall.replace(' ', 'T')}:00+09:00`).toISOString();

/** Mon–Fri 09:00–18:00 in Asia/Tokyo with Japan's national holidays of `year`. */
export async function tokyoWeekdays(api: Client, year = 2025): Promise<Calendar> {
  const calendar = expectStatus(
    await api.post<Calendar>('/api/v1/calendars', {
      name: `Tokyo weekdays ${Math.random().toString(36).slice(2, 7)}`,
      timeZone: 'Asia/Tokyo',
      ranges: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    }),
    201,
    'create calendar',
  );
  expectStatus(await api.post(`/api/v1/calendars/${calendar.id}/holidays/japan`, { year }), 200, 'load holidays');
  return calendar;
}

export async function createPolicy(api: Client, input: Record<string, unknown>): Promise<SlaPolicy> {
  return expectStatus(
    await api.post<SlaPolicy>('/api/v1/sla/policies', { name: 'Policy', ...input }),
    201,
    'create SLA policy',
  );
}

/** The conversation's open clock of a kind (the latest sequence). */
export async function clock(api: Client, conversationId: string, kind: SlaTargetKind): Promise<SlaTargetSummary> {
  const conversation: Conversation = await getConversation(api, conversationId);
  const found = conversation.slaTargets.filter((t) => t.kind === kind).at(-1);
  if (!found) throw new Error(`no open ${kind} clock on ${conversationId}: ${JSON.stringify(conversation.slaTargets)}`);
  return found;
}

export interface TargetState extends Record<string, unknown> {
  kind: SlaTargetKind;
  sequence: number;
  cycle: number;
  status: string;
  due_at: string | null;
  warned_at: string | null;
  breached_at: string | null;
  met_at: string | null;
  remaining_seconds: number | null;
  policy_id: string;
}

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Every target of a conversation, open or decided, oldest first (the API shows only open ones). */
export async function targetsOf(app: AppContext, conversationId: string): Promise<TargetState[]> {
  const result = await app.db.execute<TargetState>(sql`
    select kind, sequence, cycle, status, ${sql.raw(iso('due_at'))} as due_at, ${sql.raw(iso('warned_at'))} as warned_at,
      ${sql.raw(iso('breached_at'))} as breached_at, ${sql.raw(iso('met_at'))} as met_at, remaining_seconds, policy_id
    from sla_targets where conversation_id = ${conversationId} order by cycle, created_at, kind, sequence`);
  return result.rows;
}

/** SLA domain events of a target, by type. */
export async function slaEventsOf(app: AppContext, targetId: string): Promise<string[]> {
  const result = await app.db.execute<{ type: string }>(sql`
    select type from domain_events where type like 'sla.%' and data->>'targetId' = ${targetId} order by id`);
  return result.rows.map((r) => r.type);
}
