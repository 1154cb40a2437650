import { type SQL, sql } from 'drizzle-orm';
import type {
  DurationFigure,
  MetricGroup,
  ProportionFigure,
  ScorecardQuery,
  ScorecardRow,
} from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/problem.ts';
import { getWorkspace, memberNames } from '../workspaces/service.ts';
import { listTeams } from '../workspaces/teams.ts';
import { conversationConditions, withinLocalDays } from './filters.ts';
import { computeMetrics } from './metrics-source.ts';

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Conversations each agent (or team) handled in the period, in one grouped query: an agent
 * handled a conversation when they wrote a public reply in it or resolved one of its cycles
 * in the period; a team, when one of its cycles got a public reply or was resolved then.
 */
async function handledCounts(tx: Tx, workspaceId: string, query: ScorecardQuery): Promise<Map<string, number>> {
  const { timeZone } = await getWorkspace(tx, workspaceId);
  // Agent and team filters narrow who did the work, not whose queue the conversation sits in now.
  const where = await conversationConditions(tx, workspaceId, { ...query, agentId: undefined, teamId: undefined });
  const key = sql.raw(query.by === 'team' ? 'a.team_id' : 'a.agent_id');
  const attribution: SQL[] = [sql`${key} is not null`];
  if (query.agentId?.length) attribution.push(sql`a.agent_id in (${list(query.agentId)})`);
  if (query.teamId?.length) attribution.push(sql`a.team_id in (${list(query.teamId)})`);
  const result = await tx.execute<{ key: string; handled: number }>(sql`
    with acts as (
      select m.author_id as agent_id, cy.team_id, m.conversation_id
        from messages m
        join conversation_cycles cy
          on cy.workspace_id = m.workspace_id and cy.conversation_id = m.conversation_id and cy.cycle = m.cycle
       where m.workspace_id = ${workspaceId} and m.kind = 'reply' and m.author_type = 'user'
         and ${withinLocalDays(sql`m.created_at`, timeZone, query.from, query.to)}
      union all
      select cy.resolver_id as agent_id, cy.team_id, cy.conversation_id
        from conversation_cycles cy
       where cy.workspace_id = ${workspaceId} and cy.resolved_at is not null
         and ${withinLocalDays(sql`cy.resolved_at`, timeZone, query.from, query.to)}
    )
    select ${key}::text as key, count(distinct a.conversation_id)::int as handled
      from acts a
      join conversations c on c.workspace_id = ${workspaceId} and c.id = a.conversation_id
     where ${where} and ${sql.join(attribution, sql` and `)}
     group by 1`);
  return new Map(result.rows.map((row) => [row.key, Number(row.handled)]));
}

const emptyDuration = (): DurationFigure => ({ n: 0, median_seconds: null, mean_seconds: null, p90_seconds: null });
const emptyProportion = (): ProportionFigure => ({ percent: null, n: 0, count: 0, ci95: null });
const emptyCsat = (): ScorecardRow['csat'] => ({
  percent: null,
  average: null,
  n: 0,
  skipped: 0,
  ci95: null,
  average_ci95: null,
});

/** Names of the keys computeMetrics did not label (a member or team with work but no figures). */
async function labelsFor(tx: Tx, workspaceId: string, by: ScorecardQuery['by'], keys: string[]) {
  if (keys.length === 0) return new Map<string, string>();
  if (by === 'agent') return memberNames(tx, workspaceId, keys);
  return new Map((await listTeams(tx, workspaceId)).map((team) => [team.id, team.name]));
}

/**
 * GET /metrics/scorecards: one row per agent (or team) with the conversations handled and
 * their first response, resolution, FCR and CSAT from computeMetrics; most handled first.
 * Everyone who handled something is listed, and everyone with figures in the period.
 */
export async function scorecards(
  tx: Tx,
  workspaceId: string,
  query: ScorecardQuery,
): Promise<{ rows: ScorecardRow[] }> {
  if (query.from > query.to) throw badRequest('query.to', 'must be on or after from');
  const handled = await handledCounts(tx, workspaceId, query);
  const report = await computeMetrics(tx, workspaceId, { ...query, by: query.by });
  // '' is the group of work nobody (no agent, no team) is attributed to: not a scorecard row.
  const groups = new Map<string, MetricGroup>(
    report.groups.filter((group) => group.key !== '').map((group) => [group.key, group]),
  );
  const keys = [...new Set([...handled.keys(), ...groups.keys()])];
  const names = await labelsFor(
    tx,
    workspaceId,
    query.by,
    keys.filter((key) => !groups.has(key)),
  );
  const rows = keys.map((key): ScorecardRow => {
    const group = groups.get(key);
    return {
      key,
      label: group?.label ?? names.get(key) ?? key,
      handled: handled.get(key) ?? 0,
      first_response: group?.first_response ?? emptyDuration(),
      resolution: group?.resolution ?? emptyDuration(),
      fcr: group?.fcr ?? emptyProportion(),
      csat: group?.csat ?? emptyCsat(),
    };
  });
  rows.sort((a, b) => b.handled - a.handled || a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  return { rows };
}
