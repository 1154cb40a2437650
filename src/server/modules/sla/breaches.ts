import { type SQL, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { SlaBreach, SlaBreachExportQuery, SlaBreachQuery } from '../../../shared/contracts/sla.ts';
import type { Tx } from '../../db/client.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { loadContext } from '../metrics/context.ts';
import { filterConditions } from '../metrics/filters.ts';
import { slaTargetsSource } from '../metrics/sla.ts';

/** ISO 8601 in UTC, written by PostgreSQL (raw queries return timestamps as text). */
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface BreachRow extends Record<string, unknown> {
  target_id: string;
  conversation_id: string;
  external_id: string | null;
  subject: string;
  contact_name: string | null;
  customer_email: string | null;
  kind: SlaBreach['kind'];
  sequence: number;
  cycle: number;
  policy_id: string;
  policy_name: string | null;
  channel: string;
  agent_id: string | null;
  agent_name: string | null;
  agent_email: string | null;
  team_id: string | null;
  team_name: string | null;
  target_seconds: number;
  started_at: string;
  due_at: string;
  breached_at: string;
  met_at: string | null;
  status: SlaBreach['status'];
}

/**
 * Breached targets, newest breach first, keyset-paginated on (breached_at, id): the period
 * is by breach (local dates), the metrics filters apply to the target's snapshot.
 */
export async function breachRows(
  tx: Tx,
  workspaceId: string,
  query: SlaBreachExportQuery,
  page: { limit: number; after: { at: string; id: string } | null },
): Promise<BreachRow[]> {
  const ctx = await loadContext(tx, workspaceId, query);
  const source = slaTargetsSource(ctx, { from: query.from, to: query.to }, 'breached');
  const conditions: SQL[] = [filterConditions(ctx)];
  if (query.kind) conditions.push(sql`d.kind = ${query.kind}`);
  if (query.policyId) conditions.push(sql`d.policy_id = ${query.policyId}`);
  if (page.after) {
    conditions.push(sql`(d.breached_at, d.item_id) < (${page.after.at}::timestamptz, ${page.after.id}::uuid)`);
  }
  const result = await tx.execute<BreachRow>(sql`
    select d.item_id as target_id, d.conversation_id, c.external_id, c.subject, k.name as contact_name,
      (select i.value from contact_identities i
        where i.workspace_id = c.workspace_id and i.contact_id = c.contact_id and i.kind = 'email'
        order by i.position, i.value limit 1) as customer_email,
      d.kind, d.sequence, d.cycle, d.policy_id, p.name as policy_name, d.channel,
      d.agent_id, u.name as agent_name, u.email as agent_email, d.team_id, tm.name as team_name, d.target_seconds,
      ${iso('d.started_at')} as started_at, ${iso('d.due_at')} as due_at, ${iso('d.breached_at')} as breached_at,
      ${iso('d.met_at')} as met_at, d.status
    from ${source.sql} d
    join conversations c on c.workspace_id = ${workspaceId} and c.id = d.conversation_id
    left join contacts k on k.workspace_id = c.workspace_id and k.id = c.contact_id
    left join sla_policies p on p.workspace_id = c.workspace_id and p.id = d.policy_id
    left join users u on u.id = d.agent_id
    left join teams tm on tm.workspace_id = c.workspace_id and tm.id = d.team_id
    where ${sql.join(conditions, sql` and `)}
    order by d.breached_at desc, d.item_id desc
    limit ${page.limit}`);
  return result.rows;
}

function presentBreach(row: BreachRow): SlaBreach {
  return {
    targetId: row.target_id,
    conversationId: row.conversation_id,
    subject: row.subject,
    contactName: row.contact_name,
    kind: row.kind,
    sequence: Number(row.sequence),
    cycle: Number(row.cycle),
    policyId: row.policy_id,
    policyName: row.policy_name,
    channel: row.channel,
    agentId: row.agent_id,
    agentName: row.agent_name,
    teamId: row.team_id,
    teamName: row.team_name,
    targetSeconds: Number(row.target_seconds),
    startedAt: row.started_at,
    dueAt: row.due_at,
    breachedAt: row.breached_at,
    metAt: row.met_at,
    status: row.status,
  };
}

/** GET /api/v1/sla/breaches. */
export async function listBreaches(tx: Tx, workspaceId: string, query: SlaBreachQuery): Promise<Page<SlaBreach>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await breachRows(tx, workspaceId, query, { limit: query.limit + 1, after: cursor });
  const page = toPage(rows, query.limit, (row) => ({ at: row.breached_at, id: row.target_id }));
  return { data: page.data.map(presentBreach), nextCursor: page.nextCursor };
}
