import { sql } from 'drizzle-orm';
import type { MetricGroupBy } from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';

/**
 * The label of each group key: the user's, team's or company's name for ids; the key
 * itself for channels, tags, touchpoints and dates; '' for the "none" group (key '').
 */
export async function groupLabels(
  tx: Tx,
  workspaceId: string,
  by: MetricGroupBy,
  keys: string[],
): Promise<Map<string, string>> {
  const labels = new Map(keys.map((key) => [key, key]));
  const ids = keys.filter((key) => key !== '');
  if (ids.length === 0 || !(by === 'agent' || by === 'team' || by === 'company')) return labels;
  const param = sql.param(ids);
  const query =
    by === 'agent'
      ? // Users are global; these ids come from this workspace's own rows (former members keep their name).
        sql`select u.id::text as id, u.name from users u where u.id::text = any(${param}::text[])`
      : by === 'team'
        ? sql`select t.id::text as id, t.name from teams t
               where t.workspace_id = ${workspaceId} and t.id::text = any(${param}::text[])`
        : sql`select co.id::text as id, co.name from companies co
               where co.workspace_id = ${workspaceId} and co.id::text = any(${param}::text[])`;
  const result = await tx.execute<{ id: string; name: string }>(query);
  for (const row of result.rows) labels.set(row.id, row.name);
  return labels;
}
