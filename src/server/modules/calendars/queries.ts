import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { businessCalendars } from '../../db/schema/index.ts';
import type { CalendarRow } from './presenters.ts';

export async function getCalendarRow(
  tx: Tx,
  workspaceId: string,
  calendarId: string,
  lock = false,
): Promise<CalendarRow | null> {
  const query = tx
    .select()
    .from(businessCalendars)
    .where(and(eq(businessCalendars.workspaceId, workspaceId), eq(businessCalendars.id, calendarId)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function calendarExists(tx: Tx, workspaceId: string, calendarId: string): Promise<boolean> {
  return (await getCalendarRow(tx, workspaceId, calendarId)) !== null;
}
