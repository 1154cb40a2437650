import holidayJp from '@holiday-jp/holiday_jp';
import { and, asc, eq, sql } from 'drizzle-orm';
import type {
  Holiday,
  LoadJapanHolidaysInput,
  LoadJapanHolidaysResult,
  ReplaceHolidaysInput,
} from '../../../shared/contracts/calendars.ts';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { insertMany } from '../../db/insert-many.ts';
import { businessCalendars, calendarHolidays } from '../../db/schema/index.ts';
import { notFound } from '../../http/problem.ts';
import { calendarsChanged } from './changes.ts';
import { getCalendarRow } from './queries.ts';
import { forgetCalendarCache } from './resolver.ts';

async function holidaysOf(tx: Tx, workspaceId: string, calendarId: string): Promise<Holiday[]> {
  return tx
    .select({ day: calendarHolidays.day, name: calendarHolidays.name })
    .from(calendarHolidays)
    .where(and(eq(calendarHolidays.workspaceId, workspaceId), eq(calendarHolidays.calendarId, calendarId)))
    .orderBy(asc(calendarHolidays.day));
}

/** Locks the calendar (one writer of its holidays at a time) or answers 404. */
async function lockCalendar(tx: Tx, workspaceId: string, calendarId: string): Promise<void> {
  if (!(await getCalendarRow(tx, workspaceId, calendarId, true))) throw notFound('Calendar');
  await tx
    .update(businessCalendars)
    .set({ updatedAt: new Date() })
    .where(and(eq(businessCalendars.workspaceId, workspaceId), eq(businessCalendars.id, calendarId)));
}

export async function listHolidays(tx: Tx, workspaceId: string, calendarId: string): Promise<Holiday[]> {
  if (!(await getCalendarRow(tx, workspaceId, calendarId))) throw notFound('Calendar');
  return holidaysOf(tx, workspaceId, calendarId);
}

export async function replaceHolidays(
  app: AppContext,
  workspaceId: string,
  calendarId: string,
  input: ReplaceHolidaysInput,
): Promise<Holiday[]> {
  const holidays = await app.db.transaction(async (tx) => {
    await lockCalendar(tx, workspaceId, calendarId);
    await tx
      .delete(calendarHolidays)
      .where(and(eq(calendarHolidays.workspaceId, workspaceId), eq(calendarHolidays.calendarId, calendarId)));
    await insertMany(
      tx,
      calendarHolidays,
      input.holidays.map((holiday) => ({ workspaceId, calendarId, day: holiday.day, name: holiday.name })),
    );
    return holidaysOf(tx, workspaceId, calendarId);
  });
  await calendarsChanged(app, workspaceId);
  return holidays;
}

/** Japan's national holidays (with substitute and citizens' holidays) of the given years, names in Japanese. */
export function japaneseHolidays(fromYear: number, toYear: number): Holiday[] {
  return Object.values(holidayJp.holidays)
    .filter((holiday) => {
      const year = Number(holiday.date.slice(0, 4));
      return year >= fromYear && year <= toYear;
    })
    .map((holiday) => ({ day: holiday.date, name: holiday.name }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** Adds Japan's national holidays for a year range; days already on the calendar are kept as they are. */
export async function loadJapaneseHolidays(
  app: AppContext,
  workspaceId: string,
  calendarId: string,
  input: LoadJapanHolidaysInput,
): Promise<LoadJapanHolidaysResult> {
  const result = await addJapaneseHolidays(app.db, workspaceId, calendarId, input);
  await calendarsChanged(app, workspaceId);
  return result;
}

/** Adds Japan's national holidays without the recompute that follows (the demo recomputes itself). */
export async function addJapaneseHolidays(
  db: Db,
  workspaceId: string,
  calendarId: string,
  input: LoadJapanHolidaysInput,
): Promise<LoadJapanHolidaysResult> {
  const fromYear = input.year ?? input.fromYear ?? 0;
  const toYear = input.year ?? input.toYear ?? fromYear;
  const holidays = japaneseHolidays(fromYear, toYear);
  forgetCalendarCache(workspaceId);
  return db.transaction(async (tx) => {
    await lockCalendar(tx, workspaceId, calendarId);
    const inserted = await tx.execute<{ day: string }>(sql`
      insert into calendar_holidays (workspace_id, calendar_id, day, name)
      select ${workspaceId}, ${calendarId}, d, n
        from unnest(${sql.param(holidays.map((h) => h.day))}::date[], ${sql.param(holidays.map((h) => h.name))}::text[]) as v(d, n)
      on conflict do nothing
      returning day`);
    return { added: inserted.rows.length, data: await holidaysOf(tx, workspaceId, calendarId) };
  });
}
