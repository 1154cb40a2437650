import { and, type SQL, sql } from 'drizzle-orm';
import type { MetricFilters } from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import { contacts } from '../../db/schema/index.ts';
import { badRequest } from '../../http/problem.ts';
import { segmentConditions } from '../customers/segment-filter.ts';
import { filterOf, getSegmentRow } from '../surveys/segments.ts';

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * MetricFilters as conditions on conversations aliased `c` (channel, team, assignee, tags,
 * company snapshot, the contact's segment). Touchpoints belong to survey answers, not to
 * conversations, so they do not narrow conversation counts.
 */
export async function conversationConditions(tx: Tx, workspaceId: string, filters: MetricFilters): Promise<SQL> {
  const parts: SQL[] = [sql`c.workspace_id = ${workspaceId}`];
  if (filters.channel?.length) parts.push(sql`c.channel in (${list(filters.channel)})`);
  if (filters.teamId?.length) parts.push(sql`c.team_id in (${list(filters.teamId)})`);
  if (filters.agentId?.length) parts.push(sql`c.assignee_id in (${list(filters.agentId)})`);
  if (filters.companyId?.length) parts.push(sql`c.company_id in (${list(filters.companyId)})`);
  if (filters.tag?.length) parts.push(sql`c.tags && array[${list(filters.tag)}]::text[]`);
  if (filters.segmentId) {
    const segment = await getSegmentRow(tx, workspaceId, filters.segmentId);
    if (!segment) throw badRequest('query.segmentId', 'is not a segment of this workspace');
    const members = and(...segmentConditions(workspaceId, filterOf(segment)));
    parts.push(sql`c.contact_id in (select ${contacts.id} from ${contacts} where ${members})`);
  }
  return sql.join(parts, sql` and `);
}

/** `column` within the local dates first…last (inclusive) of the time zone. */
export function withinLocalDays(column: SQL, timeZone: string, first: string, last: string): SQL {
  return sql`${column} >= (${first}::date::timestamp at time zone ${timeZone})
    and ${column} < ((${last}::date + 1)::timestamp at time zone ${timeZone})`;
}
