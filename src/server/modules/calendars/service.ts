import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { normalizeRanges } from '../../../shared/business-hours.ts';
import type { Calendar, CreateCalendarInput, UpdateCalendarInput } from '../../../shared/contracts/calendars.ts';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { retryOnConflict } from '../../db/retry.ts';
import { businessCalendars } from '../../db/schema/index.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { clearRecoveryCalendar } from '../recovery/settings.ts';
import { policiesUsingCalendar } from '../sla/policies.ts';
import { clearCalendarFromTeams } from '../workspaces/teams.ts';
import { calendarsChanged } from './changes.ts';
import { type CalendarRow, presentCalendar } from './presenters.ts';
import { getCalendarRow } from './queries.ts';
import { forgetCalendarCache } from './resolver.ts';

interface Extras extends Record<string, unknown> {
  id: string;
  team_ids: string[] | null;
  holiday_count: number;
}

/** Teams using each calendar and how many holidays it has, in one query. */
async function extrasOf(tx: Tx, workspaceId: string, calendarId?: string): Promise<Map<string, Extras>> {
  const result = await tx.execute<Extras>(sql`
    select c.id,
      (select array_agg(t.id order by t.name) from teams t
        where t.workspace_id = c.workspace_id and t.calendar_id = c.id) as team_ids,
      (select count(*)::int from calendar_holidays h
        where h.workspace_id = c.workspace_id and h.calendar_id = c.id) as holiday_count
    from business_calendars c
    where c.workspace_id = ${workspaceId} ${calendarId ? sql`and c.id = ${calendarId}` : sql``}`);
  return new Map(result.rows.map((row) => [row.id, row]));
}

function present(row: CalendarRow, extras: Map<string, Extras>): Calendar {
  const extra = extras.get(row.id);
  return presentCalendar(row, extra?.team_ids ?? [], extra?.holiday_count ?? 0);
}

export async function listCalendars(tx: Tx, workspaceId: string): Promise<Calendar[]> {
  const rows = await tx
    .select()
    .from(businessCalendars)
    .where(eq(businessCalendars.workspaceId, workspaceId))
    .orderBy(sql`${businessCalendars.isDefault} desc`, asc(businessCalendars.name), asc(businessCalendars.id));
  const extras = await extrasOf(tx, workspaceId);
  return rows.map((row) => present(row, extras));
}

export async function getCalendar(tx: Tx, workspaceId: string, calendarId: string): Promise<Calendar> {
  const row = await getCalendarRow(tx, workspaceId, calendarId);
  if (!row) throw notFound('Calendar');
  return present(row, await extrasOf(tx, workspaceId, calendarId));
}

/** One calendar per channel: a channel another calendar lists is a 409 naming it. */
async function assertChannelsFree(tx: Tx, workspaceId: string, channels: string[], exceptId?: string): Promise<void> {
  if (channels.length === 0) return;
  const others = await tx
    .select({ name: businessCalendars.name, channels: businessCalendars.channels })
    .from(businessCalendars)
    .where(
      and(
        eq(businessCalendars.workspaceId, workspaceId),
        exceptId ? ne(businessCalendars.id, exceptId) : undefined,
        sql`${businessCalendars.channels} && ${sql.param(channels)}::text[]`,
      ),
    );
  for (const [index, channel] of channels.entries()) {
    const other = others.find((o) => o.channels.includes(channel));
    if (other)
      throw conflict(`body.channels.${index}`, `"${channel}" is already measured by the calendar "${other.name}"`);
  }
}

/** At most one default per workspace: setting one clears the other in the same transaction. */
async function clearDefault(tx: Tx, workspaceId: string): Promise<void> {
  await tx
    .update(businessCalendars)
    .set({ isDefault: false })
    .where(and(eq(businessCalendars.workspaceId, workspaceId), eq(businessCalendars.isDefault, true)));
}

export async function createCalendar(
  app: AppContext,
  workspaceId: string,
  input: CreateCalendarInput,
): Promise<Calendar> {
  const calendar = await insertCalendar(app.db, workspaceId, input);
  await calendarsChanged(app, workspaceId);
  return calendar;
}

/** Creates a calendar without the recompute that follows (the demo and imports recompute themselves). */
export async function insertCalendar(db: Db, workspaceId: string, input: CreateCalendarInput): Promise<Calendar> {
  forgetCalendarCache(workspaceId);
  // Two defaults set at once: the loser's unique violation is retried and clears the winner.
  return retryOnConflict(() =>
    db.transaction(async (tx) => {
      await assertChannelsFree(tx, workspaceId, input.channels);
      if (input.isDefault) await clearDefault(tx, workspaceId);
      const now = new Date();
      const id = newId(now.getTime());
      await tx.insert(businessCalendars).values({
        workspaceId,
        id,
        name: input.name,
        timeZone: input.timeZone,
        ranges: normalizeRanges(input.ranges),
        isDefault: input.isDefault,
        channels: input.channels,
        createdAt: now,
        updatedAt: now,
      });
      return getCalendar(tx, workspaceId, id);
    }),
  );
}

export async function updateCalendar(
  app: AppContext,
  workspaceId: string,
  calendarId: string,
  input: UpdateCalendarInput,
): Promise<Calendar> {
  const calendar = await retryOnConflict(() =>
    app.db.transaction(async (tx) => {
      const row = await getCalendarRow(tx, workspaceId, calendarId, true);
      if (!row) throw notFound('Calendar');
      if (input.channels) await assertChannelsFree(tx, workspaceId, input.channels, calendarId);
      if (input.isDefault && !row.isDefault) await clearDefault(tx, workspaceId);
      const fields: Partial<typeof businessCalendars.$inferInsert> = { updatedAt: new Date() };
      if (input.name !== undefined) fields.name = input.name;
      if (input.timeZone !== undefined) fields.timeZone = input.timeZone;
      if (input.ranges !== undefined) fields.ranges = normalizeRanges(input.ranges);
      if (input.isDefault !== undefined) fields.isDefault = input.isDefault;
      if (input.channels !== undefined) fields.channels = input.channels;
      await tx
        .update(businessCalendars)
        .set(fields)
        .where(and(eq(businessCalendars.workspaceId, workspaceId), eq(businessCalendars.id, calendarId)));
      return getCalendar(tx, workspaceId, calendarId);
    }),
  );
  await calendarsChanged(app, workspaceId);
  return calendar;
}

/** Deletes a calendar with its holidays; teams that used it fall back to channel or default. */
export async function deleteCalendar(app: AppContext, workspaceId: string, calendarId: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const row = await getCalendarRow(tx, workspaceId, calendarId, true);
    if (!row) throw notFound('Calendar');
    // SLA deadlines count in it: falling back to round-the-clock time would change every promise.
    const policies = await policiesUsingCalendar(tx, workspaceId, calendarId);
    if (policies.length > 0) {
      const names = policies.map((name) => `"${name}"`).join(', ');
      throw conflict(
        'params.id',
        `SLA deadlines count in this calendar (${names}); choose another calendar there first`,
      );
    }
    await clearCalendarFromTeams(tx, workspaceId, calendarId);
    await clearRecoveryCalendar(tx, workspaceId, calendarId);
    await tx
      .delete(businessCalendars)
      .where(and(eq(businessCalendars.workspaceId, workspaceId), eq(businessCalendars.id, calendarId)));
  });
  await calendarsChanged(app, workspaceId);
}
