import { z } from 'zod';
import {
  Calendar,
  CreateCalendarInput,
  HolidayList,
  LoadJapanHolidaysInput,
  LoadJapanHolidaysResult,
  ReplaceHolidaysInput,
  UpdateCalendarInput,
} from '../../../shared/contracts/calendars.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { defineRoute } from '../../http/route.ts';
import { listHolidays, loadJapaneseHolidays, replaceHolidays } from './holidays.ts';
import { createCalendar, deleteCalendar, getCalendar, listCalendars, updateCalendar } from './service.ts';

const tags = ['Business hours'];

export const calendarRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/calendars',
    summary: 'Business-hours calendars, the default first',
    tags,
    auth: 'member',
    action: 'read',
    response: z.object({ data: z.array(Calendar), nextCursor: z.null() }),
    handler: async ({ app, auth }) => ({ data: await listCalendars(app.db, auth.workspaceId), nextCursor: null }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/calendars',
    summary: 'Create a business-hours calendar: time zone, weekly opening ranges, default, channels',
    description:
      'Durations are counted in the business hours of the calendar of the conversation’s team, else of the calendar listing its channel, else of the default; business durations are recomputed in the background after every change.',
    tags,
    auth: 'member',
    action: 'manage',
    body: CreateCalendarInput,
    response: Calendar,
    status: 201,
    handler: ({ app, auth, body }) => createCalendar(app, auth.workspaceId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/calendars/{id}',
    summary: 'One business-hours calendar',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: Calendar,
    handler: ({ app, auth, params }) => getCalendar(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/calendars/{id}',
    summary: 'Change a calendar (only the fields given)',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    body: UpdateCalendarInput,
    response: Calendar,
    handler: ({ app, auth, params, body }) => updateCalendar(app, auth.workspaceId, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/calendars/{id}',
    summary: 'Delete a calendar and its holidays; its teams fall back to the channel’s or the default calendar',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => deleteCalendar(app, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/calendars/{id}/holidays',
    summary: 'Days the calendar is closed all day, by date',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: HolidayList,
    handler: async ({ app, auth, params }) => ({ data: await listHolidays(app.db, auth.workspaceId, params.id) }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/calendars/{id}/holidays',
    summary: 'Replace the holidays of a calendar',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    body: ReplaceHolidaysInput,
    response: HolidayList,
    handler: async ({ app, auth, params, body }) => ({
      data: await replaceHolidays(app, auth.workspaceId, params.id, body),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/calendars/{id}/holidays/japan',
    summary: 'Add Japan’s national holidays for a year ({ year }) or years ({ fromYear, toYear }); idempotent',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    body: LoadJapanHolidaysInput,
    response: LoadJapanHolidaysResult,
    handler: ({ app, auth, params, body }) => loadJapaneseHolidays(app, auth.workspaceId, params.id, body),
  }),
];
