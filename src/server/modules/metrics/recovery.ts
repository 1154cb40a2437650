import { sql } from 'drizzle-orm';
import type { RecoveryMetrics, RecoveryMetricsQuery } from '../../../shared/contracts/recovery-metrics.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/problem.ts';
import { caseCalendars, durationSeconds } from '../recovery/calendar.ts';
import { overdueSql } from '../recovery/list.ts';
import { getRecoverySettings } from '../recovery/settings.ts';
import { getWorkspace, memberNames } from '../workspaces/service.ts';
import { bucketsOf, periodDays, periodProblem } from './period.ts';
import { grouping, isTotal, percentileCont, rateOf } from './recovery-figures.ts';
import { localDateRange } from './satisfaction.ts';

/**
 * The service-recovery figures, each from recovery_cases in the workspace's time zone:
 * - opened: cases opened in the period (and per day or week);
 * - time to first contact: first contact − opening, for first contacts in the period
 *   (median and p90 as percentile_cont, calendar seconds in SQL; business seconds of each
 *   case's calendar beside them);
 * - recovery rate: recovered ÷ (recovered + not recovered) among cases closed in the period,
 *   Wilson 95 %; unreachable counted apart;
 * - overdue: cases opened in the period whose first contact missed its due time;
 * - top causes: the tags of cases opened in the period.
 */
export async function recoveryMetrics(
  tx: Tx,
  workspaceId: string,
  query: RecoveryMetricsQuery,
  now = new Date(),
): Promise<RecoveryMetrics> {
  const problem = periodProblem(query);
  if (problem) throw badRequest(`query.${problem.field}`, problem.message);
  const { timeZone } = await getWorkspace(tx, workspaceId);
  const bucket = query.bucket ?? (periodDays(query) <= 62 ? 'day' : 'week');
  const by = query.by ?? null;
  const keyColumn =
    by === 'team' ? sql`c.team_id::text` : by === 'owner' ? sql`c.owner_id::text` : by ? sql`c.channel` : null;
  const g = grouping(keyColumn);
  const inPeriod = (column: string) => localDateRange(sql.raw(`c.${column}`), timeZone, query.from, query.to);
  const scope = sql`c.workspace_id = ${workspaceId}`;

  const opened = await tx.execute<{ key: string | null; total: number; opened: number; overdue: number }>(sql`
    select ${g.select}, count(*)::int as opened, count(*) filter (where ${overdueSql('c', now)})::int as overdue
      from recovery_cases c where ${scope} and ${inPeriod('opened_at')} ${g.groupBy}`);
  const contacts = await tx.execute<{
    key: string | null;
    total: number;
    n: number;
    median: number | null;
    p90: number | null;
  }>(sql`
    select ${g.select}, count(*)::int as n,
           percentile_cont(0.5) within group (order by extract(epoch from c.first_contact_at - c.opened_at)) as median,
           percentile_cont(0.9) within group (order by extract(epoch from c.first_contact_at - c.opened_at)) as p90
      from recovery_cases c where ${scope} and c.first_contact_at is not null and ${inPeriod('first_contact_at')} ${g.groupBy}`);
  const outcomes = await tx.execute<{
    key: string | null;
    total: number;
    recovered: number;
    not_recovered: number;
    unreachable: number;
  }>(sql`
    select ${g.select},
           count(*) filter (where c.outcome = 'recovered')::int as recovered,
           count(*) filter (where c.outcome = 'not_recovered')::int as not_recovered,
           count(*) filter (where c.outcome = 'unreachable')::int as unreachable
      from recovery_cases c where ${scope} and c.outcome is not null and ${inPeriod('closed_at')} ${g.groupBy}`);
  const series = await tx.execute<{ day: string; opened: number }>(sql`
    select to_char(date_trunc(${bucket}, c.opened_at at time zone ${timeZone}), 'YYYY-MM-DD') as day, count(*)::int as opened
      from recovery_cases c where ${scope} and ${inPeriod('opened_at')} group by 1`);
  const causes = await tx.execute<{ tag: string; count: number }>(sql`
    select t.tag, count(*)::int as count
      from recovery_cases c cross join lateral unnest(c.tags) as t(tag)
     where ${scope} and ${inPeriod('opened_at')}
     group by t.tag order by count(*) desc, t.tag limit 10`);
  const overdueNow = await tx.execute<{ count: number }>(sql`
    select count(*)::int as count from recovery_cases c
     where ${scope} and c.status <> 'closed' and c.first_contact_at is null and c.due_at < ${now.toISOString()}::timestamptz`);
  const business = await businessFirstContacts(tx, workspaceId, keyColumn, inPeriod('first_contact_at'));

  type Figures = Omit<RecoveryMetrics['groups'][number], 'key' | 'label'>;
  const totalKey = Symbol('total');
  const groups = new Map<string | null | typeof totalKey, Figures>();
  const at = (row: { key: string | null; total: unknown }) => {
    const key = isTotal(row) ? totalKey : row.key;
    let found = groups.get(key);
    if (!found) {
      found = {
        opened: 0,
        firstContact: {
          n: 0,
          medianSeconds: null,
          p90Seconds: null,
          businessMedianSeconds: null,
          businessP90Seconds: null,
        },
        recoveryRate: rateOf(0, 0),
        unreachable: 0,
        overdue: rateOf(0, 0),
      };
      groups.set(key, found);
    }
    return found;
  };
  for (const row of opened.rows) {
    const f = at(row);
    f.opened = Number(row.opened);
    f.overdue = rateOf(Number(row.overdue), Number(row.opened));
  }
  for (const row of contacts.rows) {
    const f = at(row);
    const key = isTotal(row) ? null : row.key;
    const values = (isTotal(row) ? business.all : (business.byKey.get(key) ?? [])).sort((a, b) => a - b);
    f.firstContact = {
      n: Number(row.n),
      medianSeconds: row.median === null ? null : Math.round(Number(row.median) * 10) / 10,
      p90Seconds: row.p90 === null ? null : Math.round(Number(row.p90) * 10) / 10,
      businessMedianSeconds: percentileCont(values, 0.5),
      businessP90Seconds: percentileCont(values, 0.9),
    };
  }
  for (const row of outcomes.rows) {
    const f = at(row);
    const recovered = Number(row.recovered);
    f.recoveryRate = rateOf(recovered, recovered + Number(row.not_recovered));
    f.unreachable = Number(row.unreachable);
  }
  const total = at({ key: null, total: 1 });
  const counts = new Map(series.rows.map((r) => [r.day, Number(r.opened)]));
  const labels = await groupLabels(
    tx,
    workspaceId,
    by,
    [...groups.keys()].filter((k): k is string => typeof k === 'string'),
  );
  return {
    from: query.from,
    to: query.to,
    timeZone,
    bucket,
    ...total,
    series: bucketsOf(query, bucket).map((b) => ({ key: b.key, opened: counts.get(b.key) ?? 0 })),
    overdueNow: Number(overdueNow.rows[0]?.count ?? 0),
    topCauses: causes.rows.map((r) => ({ tag: r.tag, count: Number(r.count) })),
    by,
    groups: by
      ? [...groups.entries()]
          .filter((entry): entry is [string | null, Figures] => entry[0] !== totalKey)
          .map(([key, f]) => ({ key, label: key ? (labels.get(key) ?? null) : null, ...f }))
          .sort((a, b) => b.opened - a.opened || String(a.label ?? a.key).localeCompare(String(b.label ?? b.key)))
      : [],
  };
}

/** First-contact durations in business seconds of each case's calendar (the one its due time was counted in). */
async function businessFirstContacts(
  tx: Tx,
  workspaceId: string,
  keyColumn: ReturnType<typeof sql> | null,
  inPeriod: ReturnType<typeof sql>,
): Promise<{ all: number[]; byKey: Map<string | null, number[]> }> {
  const settings = await getRecoverySettings(tx, workspaceId);
  const rows = await tx.execute<{
    key: string | null;
    team_id: string | null;
    channel: string | null;
    opened_at: string;
    first_contact_at: string;
  }>(sql`
    select ${keyColumn ?? sql`null::text`} as key, c.team_id, c.channel, c.opened_at, c.first_contact_at
      from recovery_cases c
     where c.workspace_id = ${workspaceId} and c.first_contact_at is not null and ${inPeriod}`);
  const all: number[] = [];
  const byKey = new Map<string | null, number[]>();
  const calendarOf = await caseCalendars(tx, workspaceId, settings.calendarId);
  for (const row of rows.rows) {
    const calendar = calendarOf(row.team_id, row.channel);
    const seconds = durationSeconds(calendar, new Date(row.opened_at), new Date(row.first_contact_at));
    all.push(seconds);
    byKey.set(row.key, [...(byKey.get(row.key) ?? []), seconds]);
  }
  return { all, byKey };
}

/** Team and member names for the groups (channels are labelled by the web app). */
async function groupLabels(
  tx: Tx,
  workspaceId: string,
  by: string | null,
  keys: string[],
): Promise<Map<string, string>> {
  if (by === 'owner') return memberNames(tx, workspaceId, keys);
  if (by !== 'team' || keys.length === 0) return new Map(keys.map((k) => [k, k]));
  const result = await tx.execute<{ id: string; name: string }>(
    sql`select id::text, name from teams where workspace_id = ${workspaceId}`,
  );
  return new Map(result.rows.map((r) => [r.id, r.name]));
}
