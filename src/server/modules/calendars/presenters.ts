import type { Calendar } from '../../../shared/contracts/calendars.ts';
import type { Channel } from '../../../shared/contracts/conversations.ts';
import type { businessCalendars } from '../../db/schema/index.ts';

export type CalendarRow = typeof businessCalendars.$inferSelect;

export function presentCalendar(row: CalendarRow, teamIds: string[], holidayCount: number): Calendar {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    ranges: row.ranges,
    isDefault: row.isDefault,
    channels: row.channels as Channel[],
    teamIds,
    holidayCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
