import { sql } from 'drizzle-orm';
import {
  addBusinessSeconds,
  type CompiledCalendar,
  compileCalendar,
  durationSeconds,
  type OpeningRange,
} from '../../../shared/business-hours.ts';
import type { Tx } from '../../db/client.ts';
import { calendarsForTransaction } from '../calendars/resolver.ts';

interface CalendarRow extends Record<string, unknown> {
  time_zone: string;
  ranges: OpeningRange[];
  holidays: string[] | null;
}

async function loadCalendar(tx: Tx, workspaceId: string, calendarId: string): Promise<CompiledCalendar | null> {
  const result = await tx.execute<CalendarRow>(sql`
    select c.time_zone, c.ranges,
      (select array_agg(h.day::text) from calendar_holidays h
        where h.workspace_id = c.workspace_id and h.calendar_id = c.id) as holidays
    from business_calendars c
    where c.workspace_id = ${workspaceId} and c.id = ${calendarId}`);
  const row = result.rows[0];
  return row ? compileCalendar({ timeZone: row.time_zone, ranges: row.ranges, holidays: row.holidays ?? [] }) : null;
}

/** Where a case's clock runs: its team and channel pick the calendar unless the settings name one. */
export interface CaseClock {
  calendarId: string | null;
  teamId: string | null;
  channel: string | null;
}

/**
 * The calendar a case's first-contact due time is counted in: the one the recovery settings
 * name, else the conversation's (team → channel → workspace default); null: calendar time.
 */
export async function caseCalendar(tx: Tx, workspaceId: string, clock: CaseClock): Promise<CompiledCalendar | null> {
  const resolve = await caseCalendars(tx, workspaceId, clock.calendarId);
  return resolve(clock.teamId, clock.channel);
}

/** caseCalendar for many cases: the calendars are read once. */
export async function caseCalendars(
  tx: Tx,
  workspaceId: string,
  calendarId: string | null,
): Promise<(teamId: string | null, channel: string | null) => CompiledCalendar | null> {
  const named = calendarId ? await loadCalendar(tx, workspaceId, calendarId) : null;
  if (named) return () => named;
  const resolve = await calendarsForTransaction(tx, workspaceId);
  return (teamId, channel) => resolve(teamId, channel ?? '');
}

/** `seconds` business seconds after `from` on the calendar (calendar seconds without one, or one never open). */
export function dueAfter(calendar: CompiledCalendar | null, from: Date, seconds: number): Date {
  if (calendar && calendar.ranges.length > 0) return addBusinessSeconds(calendar, from, seconds);
  return new Date(from.getTime() + seconds * 1000);
}

export { durationSeconds };
