import { useQuery } from '@tanstack/react-query';
import type {
  Calendar,
  CreateCalendarInput,
  Holiday,
  HolidayList,
  LoadJapanHolidaysResult,
  UpdateCalendarInput,
} from '../../shared/contracts/calendars.ts';
import { api } from './client.ts';
import { useAllQuery, useWrite } from './hooks.ts';

const calendarsKey = ['calendars'] as const;
/** Teams show their calendar; a deleted calendar clears it. */
const teamsKey = ['teams'] as const;
const holidaysKey = (id: string) => [...calendarsKey, id, 'holidays'] as const;

export const useCalendars = () => useAllQuery<Calendar>(calendarsKey, '/calendars');

export type CalendarInput = CreateCalendarInput & { id?: string };

export function useSaveCalendar() {
  return useWrite(
    ({ id, ...input }: CalendarInput) =>
      id
        ? api<Calendar>(`/calendars/${id}`, { method: 'PATCH', body: input satisfies UpdateCalendarInput })
        : api<Calendar>('/calendars', { method: 'POST', body: input }),
    [calendarsKey],
  );
}

export function useDeleteCalendar() {
  return useWrite((id: string) => api<void>(`/calendars/${id}`, { method: 'DELETE' }), [calendarsKey, teamsKey]);
}

export function useHolidays(calendarId: string) {
  return useQuery({
    queryKey: holidaysKey(calendarId),
    queryFn: async ({ signal }) => (await api<HolidayList>(`/calendars/${calendarId}/holidays`, { signal })).data,
  });
}

/** Replaces the whole list (adding or removing one day sends the list with or without it). */
export function useReplaceHolidays(calendarId: string) {
  return useWrite(
    (holidays: Holiday[]) =>
      api<HolidayList>(`/calendars/${calendarId}/holidays`, { method: 'PUT', body: { holidays } }),
    [holidaysKey(calendarId), calendarsKey],
  );
}

export function useLoadJapanHolidays(calendarId: string) {
  return useWrite(
    (years: { fromYear: number; toYear: number }) =>
      api<LoadJapanHolidaysResult>(`/calendars/${calendarId}/holidays/japan`, { method: 'POST', body: years }),
    [holidaysKey(calendarId), calendarsKey],
  );
}
