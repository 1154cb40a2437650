import type { Db } from '../db/client.ts';
import { addJapaneseHolidays } from '../modules/calendars/holidays.ts';
import { insertCalendar, listCalendars } from '../modules/calendars/service.ts';

export const DEMO_CALENDAR_NAME = '営業時間 / Business hours';

/**
 * The demo's business hours: Mon–Fri 9:00–18:00 in Tokyo with Japan's national holidays
 * for every year the demo covers (and the next, for deadlines). The workspace default,
 * unless the workspace already has one. Reused when the demo runs again.
 */
export async function ensureDemoCalendar(db: Db, workspaceId: string, from: Date, to: Date): Promise<string> {
  const calendars = await listCalendars(db, workspaceId);
  const existing = calendars.find((calendar) => calendar.name === DEMO_CALENDAR_NAME);
  const calendar =
    existing ??
    (await insertCalendar(db, workspaceId, {
      name: DEMO_CALENDAR_NAME,
      timeZone: 'Asia/Tokyo',
      ranges: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
      isDefault: !calendars.some((c) => c.isDefault),
      channels: [],
    }));
  const year = (at: Date) => Number(at.toLocaleString('en-US', { timeZone: 'Asia/Tokyo', year: 'numeric' }));
  await addJapaneseHolidays(db, workspaceId, calendar.id, {
    fromYear: Math.max(1970, year(from)),
    toYear: Math.min(2050, year(to) + 1),
  });
  return calendar.id;
}
