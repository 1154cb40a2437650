import { z } from 'zod';
import { Id, TimeZone } from './common.ts';
import { Channel } from './conversations.ts';

/**
 * Business-hours calendars: when a workspace, a team or a channel is open. Every duration
 * (first response, reply, resolution) is also counted in the business hours of the
 * conversation's calendar: its team's → the calendar listing its channel → the default.
 */

export const Clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time such as 09:00 (00:00–24:00)');

const clockSeconds = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** One opening range of a weekday: ISO weekday 1 (Monday) … 7 (Sunday), end exclusive. */
export const OpeningRange = z
  .object({
    weekday: z.number().int().min(1, 'must be 1 (Monday) … 7 (Sunday)').max(7, 'must be 1 (Monday) … 7 (Sunday)'),
    start: Clock,
    end: Clock,
  })
  .superRefine((range, ctx) => {
    if (clockSeconds(range.end) <= clockSeconds(range.start)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    }
  });
export type OpeningRange = z.infer<typeof OpeningRange>;

export const LocalDay = z.iso.date({ message: 'must be a date such as 2026-11-03' });

export const Holiday = z.object({ day: LocalDay, name: z.string() });
export type Holiday = z.infer<typeof Holiday>;

export const Calendar = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  /** Sorted by weekday and start; overlapping or adjacent ranges of a day are merged. */
  ranges: z.array(OpeningRange),
  isDefault: z.boolean(),
  channels: z.array(Channel),
  /** Teams whose work this calendar measures. */
  teamIds: z.array(Id),
  holidayCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Calendar = z.infer<typeof Calendar>;

const uniqueChannels = z
  .array(Channel)
  .max(20)
  .refine((channels) => new Set(channels).size === channels.length, 'lists a channel twice');

export const CreateCalendarInput = z.object({
  name: z.string().trim().min(1).max(100),
  timeZone: TimeZone,
  ranges: z.array(OpeningRange).min(1, 'needs at least one opening range').max(100),
  /** The workspace default; setting it clears the previous default. */
  isDefault: z.boolean().default(false),
  /** Channels measured by this calendar when no team calendar applies (one calendar per channel). */
  channels: uniqueChannels.default([]),
});
export type CreateCalendarInput = z.infer<typeof CreateCalendarInput>;

/** A PATCH changes only the fields it names. */
export const UpdateCalendarInput = z.object({
  name: CreateCalendarInput.shape.name.optional(),
  timeZone: TimeZone.optional(),
  ranges: CreateCalendarInput.shape.ranges.optional(),
  isDefault: z.boolean().optional(),
  channels: uniqueChannels.optional(),
});
export type UpdateCalendarInput = z.infer<typeof UpdateCalendarInput>;

export const HolidayList = z.object({ data: z.array(Holiday) });
export type HolidayList = z.infer<typeof HolidayList>;

/** Replaces every holiday of a calendar. */
export const ReplaceHolidaysInput = z.object({
  holidays: z
    .array(z.object({ day: LocalDay, name: z.string().trim().max(100).default('') }))
    .max(2000)
    .superRefine((holidays, ctx) => {
      const seen = new Set<string>();
      holidays.forEach((holiday, index) => {
        if (seen.has(holiday.day)) ctx.addIssue({ code: 'custom', path: [index, 'day'], message: 'is listed twice' });
        seen.add(holiday.day);
      });
    }),
});
export type ReplaceHolidaysInput = z.infer<typeof ReplaceHolidaysInput>;

/** Years the bundled Japanese national holiday dataset covers. */
export const JAPAN_HOLIDAY_YEARS = { first: 1970, last: 2050 } as const;
const HolidayYear = z
  .number()
  .int()
  .min(JAPAN_HOLIDAY_YEARS.first, `must be ${JAPAN_HOLIDAY_YEARS.first}–${JAPAN_HOLIDAY_YEARS.last}`)
  .max(JAPAN_HOLIDAY_YEARS.last, `must be ${JAPAN_HOLIDAY_YEARS.first}–${JAPAN_HOLIDAY_YEARS.last}`);

/** `{ year }` or `{ fromYear, toYear }`: loads Japan's national holidays (names in Japanese). */
export const LoadJapanHolidaysInput = z
  .object({ year: HolidayYear.optional(), fromYear: HolidayYear.optional(), toYear: HolidayYear.optional() })
  .strict()
  .superRefine((input, ctx) => {
    if (input.year !== undefined) {
      if (input.fromYear !== undefined || input.toYear !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['year'], message: 'give either year or fromYear and toYear' });
      }
      return;
    }
    if (input.fromYear === undefined) ctx.addIssue({ code: 'custom', path: ['fromYear'], message: 'is required' });
    if (input.toYear === undefined) ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'is required' });
    if (input.fromYear !== undefined && input.toYear !== undefined && input.toYear < input.fromYear) {
      ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'must not be before fromYear' });
    }
  });
export type LoadJapanHolidaysInput = z.infer<typeof LoadJapanHolidaysInput>;

export const LoadJapanHolidaysResult = z.object({
  /** Holidays that were not on the calendar yet. */
  added: z.number().int(),
  data: z.array(Holiday),
});
export type LoadJapanHolidaysResult = z.infer<typeof LoadJapanHolidaysResult>;
