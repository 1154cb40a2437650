import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import {
  type CompiledCalendar,
  compileCalendar,
  durationSeconds,
  type OpeningRange,
} from '../../../shared/business-hours.ts';
import type { Tx } from '../../db/client.ts';

/** The calendar that measures a conversation: by its team, else its channel, else the default; null: none. */
export type CalendarResolver = (teamId: string | null, channel: string) => CompiledCalendar | null;

interface CalendarRow extends Record<string, unknown> {
  id: string;
  time_zone: string;
  ranges: OpeningRange[];
  is_default: boolean;
  channels: string[];
  holidays: string[] | null;
  team_ids: string[] | null;
}

const NONE: CalendarResolver = () => null;

/**
 * Workspaces known to have no calendar, until when. Most workspaces never set one up, and
 * then recording a reply costs no extra query. Writes in this process clear the entry;
 * another process (a second `koe worker`) may use calendar time for up to this long after
 * a calendar appears, which the recompute job that every calendar change enqueues (later
 * than this) corrects.
 */
const withoutCalendars = new Map<string, number>();
export const NO_CALENDAR_CACHE_MS = 10_000;

export function forgetCalendarCache(workspaceId: string): void {
  withoutCalendars.delete(workspaceId);
}

/**
 * Every calendar of a workspace with its holidays and teams, in one query, as a resolver
 * that compiles each calendar once. Resolution order: the team's calendar → a calendar
 * listing the channel → the workspace default → none (business time = calendar time).
 */
export async function loadCalendars(tx: Tx, workspaceId: string): Promise<CalendarResolver> {
  const result = await tx.execute<CalendarRow>(sql`
    select c.id, c.time_zone, c.ranges, c.is_default, c.channels,
      (select array_agg(h.day::text) from calendar_holidays h
        where h.workspace_id = c.workspace_id and h.calendar_id = c.id) as holidays,
      (select array_agg(t.id) from teams t
        where t.workspace_id = c.workspace_id and t.calendar_id = c.id) as team_ids
    from business_calendars c
    where c.workspace_id = ${workspaceId}
    order by c.created_at, c.id`);
  const rows = result.rows;
  if (rows.length === 0) {
    withoutCalendars.set(workspaceId, Date.now() + NO_CALENDAR_CACHE_MS);
    return NONE;
  }
  withoutCalendars.delete(workspaceId);
  const compiled = new Map<string, CompiledCalendar>();
  const calendar = (row: CalendarRow) => {
    let found = compiled.get(row.id);
    if (!found) {
      found = compileCalendar({ timeZone: row.time_zone, ranges: row.ranges, holidays: row.holidays ?? [] });
      compiled.set(row.id, found);
    }
    return found;
  };
  const byTeam = new Map<string, CalendarRow>();
  const byChannel = new Map<string, CalendarRow>();
  const byId = new Map<string, CalendarRow>();
  let fallback: CalendarRow | null = null;
  for (const row of rows) {
    for (const teamId of row.team_ids ?? []) byTeam.set(teamId, row);
    for (const channel of row.channels) if (!byChannel.has(channel)) byChannel.set(channel, row);
    if (row.is_default) fallback = row;
    byId.set(row.id, row);
  }
  const resolver: CalendarResolver = (teamId, channel) => {
    const row = (teamId ? byTeam.get(teamId) : undefined) ?? byChannel.get(channel) ?? fallback;
    return row ? calendar(row) : null;
  };
  namedCalendars.set(resolver, (id) => {
    const row = byId.get(id);
    return row ? calendar(row) : null;
  });
  return resolver;
}

/** Each loaded resolver's calendars by id (SLA policies name the calendar they count in). */
const namedCalendars = new WeakMap<CalendarResolver, (id: string) => CompiledCalendar | null>();

/**
 * A workspace's calendars by id, from the same once-per-transaction load as the resolver
 * (no extra query when durations are recorded in the same step); null for none or unknown.
 */
export async function calendarsById(
  tx: Tx,
  workspaceId: string,
): Promise<(calendarId: string | null) => CompiledCalendar | null> {
  const named = namedCalendars.get(await calendarsForTransaction(tx, workspaceId));
  return (calendarId) => (calendarId && named ? named(calendarId) : null);
}

/** Resolvers already loaded in a transaction, by workspace: one query per transaction at most. */
const perTransaction = new WeakMap<object, Map<string, Promise<CalendarResolver>>>();

/**
 * The resolver for recording durations as events happen: none without a query when the
 * workspace is known to have no calendar, else loaded once per transaction.
 */
export function calendarsForTransaction(tx: Tx, workspaceId: string): Promise<CalendarResolver> {
  const until = withoutCalendars.get(workspaceId);
  if (until !== undefined && until > Date.now()) return Promise.resolve(NONE);
  // Outside a transaction nothing bounds how long a cached resolver would live.
  if (!(tx instanceof PgTransaction)) return loadCalendars(tx, workspaceId);
  let loaded = perTransaction.get(tx);
  if (!loaded) {
    loaded = new Map();
    perTransaction.set(tx, loaded);
  }
  let resolver = loaded.get(workspaceId);
  if (!resolver) {
    resolver = loadCalendars(tx, workspaceId);
    loaded.set(workspaceId, resolver);
  }
  return resolver;
}

/**
 * A duration of a conversation in business seconds of its calendar (calendar seconds when
 * none applies), for recording it as the event happens.
 */
export async function businessSecondsFor(
  tx: Tx,
  workspaceId: string,
  conversation: { teamId: string | null; channel: string },
  from: Date,
  to: Date,
): Promise<number> {
  const resolve = await calendarsForTransaction(tx, workspaceId);
  return durationSeconds(resolve(conversation.teamId, conversation.channel), from, to);
}
