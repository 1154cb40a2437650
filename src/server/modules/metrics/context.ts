import { sql } from 'drizzle-orm';
import type { MetricFilters } from '../../../shared/contracts/metrics.ts';
import type { SegmentFilter } from '../../../shared/contracts/segments.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { filterOf, getSegmentRow } from '../surveys/segments.ts';
import { type Period, periodProblem } from './period.ts';

export const DEFAULT_FCR_WINDOW_HOURS = 72;

/** Everything a metrics query needs besides the period: the workspace's settings and the filters. */
export interface MetricsContext {
  workspaceId: string;
  timeZone: string;
  /** No new conversation of the same contact within this many hours after a resolution (FCR). */
  fcrWindowHours: number;
  businessHours: boolean;
  filters: MetricFilters;
  /** The saved filter of `filters.segmentId`, resolved once. */
  segment: SegmentFilter | null;
}

function windowHours(value: unknown): number {
  const hours = Number(value);
  return Number.isInteger(hours) && hours > 0 && hours <= 24 * 365 ? hours : DEFAULT_FCR_WINDOW_HOURS;
}

/** Checks the period and reads the workspace's time zone, FCR window and segment; 404 for an unknown workspace. */
export async function loadContext(tx: Tx, workspaceId: string, filters: MetricFilters): Promise<MetricsContext> {
  const problem = periodProblem(filters);
  if (problem) throw badRequest(`query.${problem.field}`, problem.message);
  // The workspace's own settings row (time zone, fcrWindowHours); the workspaces service presents neither setting.
  const result = await tx.execute<{ time_zone: string; fcr_window_hours: string | null }>(sql`
    select w.time_zone, w.settings->>'fcrWindowHours' as fcr_window_hours
      from workspaces w where w.id = ${workspaceId}`);
  const row = result.rows[0];
  if (!row) throw notFound('Workspace');
  let segment: SegmentFilter | null = null;
  if (filters.segmentId) {
    const segmentRow = await getSegmentRow(tx, workspaceId, filters.segmentId);
    if (!segmentRow) throw badRequest('query.segmentId', 'is not a segment of this workspace');
    segment = filterOf(segmentRow);
  }
  return {
    workspaceId,
    timeZone: row.time_zone,
    fcrWindowHours: windowHours(row.fcr_window_hours),
    businessHours: filters.businessHours ?? false,
    filters,
    segment,
  };
}

export const periodOf = (filters: MetricFilters): Period => ({ from: filters.from, to: filters.to });
