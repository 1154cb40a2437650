import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { loadContext, type MetricsContext } from '../context.ts';
import { addDays, type Period } from '../period.ts';
import { clearRollups, rebuildPeriod } from './build.ts';

/**
 * Keeps a workspace's rollups current. Writes note the days they touched (triggers of
 * migration 0009); a refresh takes the notes committed so far and rebuilds their days — the
 * notes are append-only, so a write committing during a refresh leaves its note for the
 * next one and is never lost. A change of time zone or FCR window rebuilds everything.
 * Metrics reads refresh first, so a figure always includes every committed write.
 */

/** Days per rebuild step: the unit of progress. */
const STEP_DAYS = 31;

interface State {
  dirty: boolean;
  stale: boolean;
}

async function stateOf(tx: Tx, ctx: MetricsContext): Promise<State> {
  const result = await tx.execute<{ dirty: boolean; time_zone: string | null; fcr_window_hours: number | null }>(sql`
    select exists (select 1 from rollup_dirty_days where workspace_id = ${ctx.workspaceId}) as dirty,
           s.time_zone, s.fcr_window_hours
      from (select 1) one
      left join rollup_state s on s.workspace_id = ${ctx.workspaceId}`);
  const row = result.rows[0];
  const stale =
    !row?.time_zone || row.time_zone !== ctx.timeZone || Number(row.fcr_window_hours) !== ctx.fcrWindowHours;
  return { dirty: Boolean(row?.dirty), stale };
}

/** Consecutive local dates folded into periods of at most STEP_DAYS days. */
export function periodsOf(days: string[]): Period[] {
  const sorted = [...new Set(days)].sort();
  const periods: Period[] = [];
  for (const day of sorted) {
    const last = periods[periods.length - 1];
    if (last && addDays(last.to, 1) === day && addDays(last.from, STEP_DAYS - 1) >= day) last.to = day;
    else periods.push({ from: day, to: day });
  }
  return periods;
}

/** Every local day from the oldest to the newest row the rollups count. */
async function allDays(tx: Tx, ctx: MetricsContext): Promise<string[]> {
  const result = await tx.execute<{ first: string | null; last: string | null }>(sql`
    select to_char(min(t.at) at time zone ${ctx.timeZone}, 'YYYY-MM-DD') as first,
           to_char(max(t.at) at time zone ${ctx.timeZone}, 'YYYY-MM-DD') as last
      from (
        select min(created_at) as at from conversations where workspace_id = ${ctx.workspaceId}
        union all select max(greatest(created_at, last_activity_at)) from conversations where workspace_id = ${ctx.workspaceId}
        union all select min(submitted_at) from survey_responses where workspace_id = ${ctx.workspaceId}
        union all select max(submitted_at) from survey_responses where workspace_id = ${ctx.workspaceId}
        union all select min(created_at) from survey_invitations where workspace_id = ${ctx.workspaceId}
        union all select max(created_at) from survey_invitations where workspace_id = ${ctx.workspaceId}) t`);
  const { first, last } = result.rows[0] ?? { first: null, last: null };
  if (!first || !last) return [];
  const days: string[] = [];
  // Resolutions and replies can come after the last creation: run to the later of the data and today.
  const today = new Date().toISOString().slice(0, 10);
  const end = last > today ? last : addDays(today, 1);
  for (let day = first; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

export interface RefreshResult {
  days: number;
  full: boolean;
}

/**
 * Brings the rollups of a workspace up to date; cheap (one query) when nothing changed.
 * `force` rebuilds every day (`koe rollups rebuild`).
 */
export async function refreshRollups(
  db: Tx,
  workspaceId: string,
  options: {
    force?: boolean;
    onProgress?: (done: number, total: number) => unknown;
    /** The caller's context (a metrics read has one already): saves reading the workspace again. */
    context?: MetricsContext;
  } = {},
): Promise<RefreshResult> {
  const base = options.context ?? (await loadContext(db, workspaceId, { from: '2000-01-01', to: '2000-01-01' }));
  const ctx: MetricsContext = { ...base, businessHours: false, segment: null };
  const state = await stateOf(db, ctx);
  if (!state.dirty && !state.stale && !options.force) return { days: 0, full: false };
  return db.transaction(async (tx) => {
    // One refresher per workspace at a time; a second waits and then finds little left to do.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('koe-rollups'), hashtext(${workspaceId}))`);
    const again = await stateOf(tx, ctx);
    const full = again.stale || Boolean(options.force);
    // The notes are taken first, in one statement: exactly those committed before it, whose writes
    // every rebuild below therefore sees. A write still running keeps its note for the next refresh,
    // even one noted before a note taken here (ids are given at insert, not at commit).
    const taken = await tx.execute<{ day: string }>(sql`
      delete from rollup_dirty_days where workspace_id = ${workspaceId}
      returning to_char(day, 'YYYY-MM-DD') as day`);
    let days: string[];
    if (full) {
      await clearRollups(tx, workspaceId);
      days = await allDays(tx, ctx);
    } else if (taken.rows.length > 0) {
      days = [...new Set(taken.rows.map((r) => r.day))];
    } else {
      return { days: 0, full: false };
    }
    const periods = periodsOf(days);
    let done = 0;
    for (const period of periods) {
      await rebuildPeriod(tx, ctx, period);
      done += Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
      await options.onProgress?.(done, days.length);
    }
    await tx.execute(sql`
      insert into rollup_state (workspace_id, time_zone, fcr_window_hours, built_at)
      values (${workspaceId}, ${ctx.timeZone}, ${ctx.fcrWindowHours}, now())
      on conflict (workspace_id) do update set time_zone = excluded.time_zone,
        fcr_window_hours = excluded.fcr_window_hours, built_at = excluded.built_at`);
    return { days: days.length, full };
  });
}

/** Refreshes every workspace with noted days (the scheduled job), so reads rarely wait for a rebuild. */
export async function refreshDirtyWorkspaces(db: Tx): Promise<number> {
  const result = await db.execute<{ workspace_id: string }>(sql`
    select w.id as workspace_id from workspaces w
     where exists (select 1 from rollup_dirty_days d where d.workspace_id = w.id)`);
  for (const row of result.rows) await refreshRollups(db, row.workspace_id);
  return result.rows.length;
}
