import { type SQL, sql } from 'drizzle-orm';
import {
  SLA_TARGET_KINDS,
  type SlaAttainment,
  type SlaFigure,
  type SlaGroupBy,
  type SlaMetricsQuery,
  type SlaReport,
  type SlaTargetKind,
} from '../../../shared/contracts/sla.ts';
import { wilsonInterval } from '../../../shared/metrics/intervals.ts';
import type { Tx } from '../../db/client.ts';
import { loadContext, type MetricsContext } from './context.ts';
import { filterConditions, groupJoin } from './filters.ts';
import { groupLabels } from './labels.ts';
import { bucketsOf, isBucket, type Period } from './period.ts';
import { localDateRange } from './satisfaction.ts';
import type { Source } from './sources.ts';

/**
 * SLA attainment (DESIGN.md: targets met ÷ targets applied, per target). A target is
 * applied in the period in which it was decided: met on time (by `met_at`) or breached (by
 * `breached_at`, also when it was met late or withdrawn afterwards). Running, paused and
 * cancelled-unbreached targets are not counted. Attainment = met ÷ (met + breached) with a
 * Wilson 95 % interval, in percent. Slices use the target's snapshot: channel, team and
 * agent (the replier or resolver who met it; the assignee when it breached); tags, company
 * and contact come from the conversation.
 */

/**
 * SLA targets as rows of the metrics sources' shape (`d`), so the metrics filters and
 * group keys apply unchanged. `decided`: met on time or breached, at the moment it was
 * decided; `breached`: breaches, at the breach.
 */
export function slaTargetsSource(ctx: MetricsContext, period: Period, which: 'decided' | 'breached'): Source {
  const at =
    which === 'decided' ? sql`case when t.status = 'met' then t.met_at else t.breached_at end` : sql`t.breached_at`;
  const decided =
    which === 'decided' ? sql`(t.status = 'met' or t.breached_at is not null)` : sql`t.breached_at is not null`;
  return {
    hasTouchpoint: false,
    sql: sql`(select ${at} as at, t.channel::text as channel, t.agent_id, t.team_id, c.company_id, c.contact_id,
        null::text as touchpoint, c.tags, t.conversation_id, t.cycle, t.id as item_id,
        t.kind, t.policy_id, t.status = 'met' as met, t.breached_at is not null as breached,
        t.sequence, t.target_seconds, t.started_at, t.due_at, t.breached_at, t.met_at, t.status
      from sla_targets t
      join conversations c on c.workspace_id = t.workspace_id and c.id = t.conversation_id
      where t.workspace_id = ${ctx.workspaceId} and ${decided}
        and ${localDateRange(at, ctx.timeZone, period.from, period.to)})`,
  };
}

export function slaFigure(met: number, breached: number): SlaFigure {
  const applied = met + breached;
  const interval = wilsonInterval(met, applied);
  return {
    applied,
    met,
    breached,
    attainment_percent: applied > 0 ? (100 * met) / applied : null,
    ci95: interval ? [interval[0] * 100, interval[1] * 100] : null,
  };
}

type Counts = Record<SlaTargetKind, { met: number; breached: number }>;
const emptyCounts = (): Counts => ({
  first_response: { met: 0, breached: 0 },
  next_response: { met: 0, breached: 0 },
  resolution: { met: 0, breached: 0 },
});

function attainment(counts: Counts): SlaAttainment {
  let met = 0;
  let breached = 0;
  for (const kind of SLA_TARGET_KINDS) {
    met += counts[kind].met;
    breached += counts[kind].breached;
  }
  return {
    first_response: slaFigure(counts.first_response.met, counts.first_response.breached),
    next_response: slaFigure(counts.next_response.met, counts.next_response.breached),
    resolution: slaFigure(counts.resolution.met, counts.resolution.breached),
    all: slaFigure(met, breached),
  };
}

function slaGroupJoin(ctx: MetricsContext, source: Source, by: SlaGroupBy | null): SQL {
  if (by === 'policy') {
    return sql`cross join lateral (values (true, null::text), (false, d.policy_id::text)) as g(total, key)`;
  }
  return groupJoin(ctx, source, by);
}

async function labelsOf(tx: Tx, workspaceId: string, by: SlaGroupBy, keys: string[]): Promise<Map<string, string>> {
  if (by !== 'policy') return groupLabels(tx, workspaceId, by, keys);
  const labels = new Map(keys.map((key) => [key, key]));
  if (keys.length === 0) return labels;
  const result = await tx.execute<{ id: string; name: string }>(sql`
    select p.id::text as id, p.name from sla_policies p
     where p.workspace_id = ${workspaceId} and p.id::text = any(${sql.param(keys)}::text[])`);
  for (const row of result.rows) labels.set(row.id, row.name);
  return labels;
}

interface CountRow extends Record<string, unknown> {
  total: boolean;
  key: string | null;
  kind: SlaTargetKind;
  met: number;
  breached: number;
}

/** GET /api/v1/metrics/sla: attainment per target kind for the period, and per group with `by`. */
export async function computeSlaReport(tx: Tx, workspaceId: string, query: SlaMetricsQuery): Promise<SlaReport> {
  const ctx = await loadContext(tx, workspaceId, query);
  const period = { from: query.from, to: query.to };
  const by = query.by ?? null;
  const source = slaTargetsSource(ctx, period, 'decided');
  const result = await tx.execute<CountRow>(sql`
    select g.total, g.key, d.kind,
      count(*) filter (where d.met)::int as met,
      count(*) filter (where d.breached)::int as breached
    from ${source.sql} d
    ${slaGroupJoin(ctx, source, by)}
    where ${filterConditions(ctx)}
    group by g.total, g.key, d.kind`);
  const total = emptyCounts();
  const groups = new Map<string, Counts>();
  for (const row of result.rows) {
    const counts = row.total ? total : (groups.get(row.key ?? '') ?? emptyCounts());
    if (!row.total) groups.set(row.key ?? '', counts);
    counts[row.kind] = { met: Number(row.met), breached: Number(row.breached) };
  }
  const bucketed = by !== null && by !== 'policy' && isBucket(by);
  let keys = [...groups.keys()];
  if (by !== null && by !== 'policy' && isBucket(by)) keys = bucketsOf(period, by).map((bucket) => bucket.key);
  else keys.sort();
  const labels = by ? await labelsOf(tx, workspaceId, by, keys) : new Map<string, string>();
  const report: SlaReport = {
    from: query.from,
    to: query.to,
    time_zone: ctx.timeZone,
    by,
    ...attainment(total),
    groups: keys.map((key) => ({
      key,
      label: labels.get(key) ?? key,
      ...attainment(groups.get(key) ?? emptyCounts()),
    })),
  };
  if (by && !bucketed) report.groups.sort((a, b) => b.all.applied - a.all.applied || a.label.localeCompare(b.label));
  return report;
}
