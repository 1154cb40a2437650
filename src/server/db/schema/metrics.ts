import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tz, workspaceId } from './columns.ts';

/** One opening range of a weekday: ISO weekday 1 (Monday) … 7 (Sunday), local "HH:MM" times, end exclusive. */
export interface OpeningRange {
  weekday: number;
  start: string;
  end: string;
}

/**
 * A business-hours calendar: a time zone, opening ranges per weekday and holidays.
 * Used for every business-hours duration. A team's calendar wins over its channel's,
 * which wins over the workspace default; with none, business time equals calendar time.
 */
export const businessCalendars = pgTable(
  'business_calendars',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    ranges: jsonb('ranges').$type<OpeningRange[]>().notNull(),
    /** The workspace default (at most one per workspace). */
    isDefault: boolean('is_default').notNull().default(false),
    /** Channels this calendar applies to (when no team calendar applies). */
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('business_calendars_default_key').on(t.workspaceId).where(sql`${t.isDefault}`),
  ],
);

/** Days a calendar is closed all day (national holidays, company days off). */
export const calendarHolidays = pgTable(
  'calendar_holidays',
  {
    workspaceId: workspaceId(),
    calendarId: uuid('calendar_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.calendarId, t.day] }),
    foreignKey({
      columns: [t.workspaceId, t.calendarId],
      foreignColumns: [businessCalendars.workspaceId, businessCalendars.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A goal for one metric over a period, for the workspace, a team or a channel.
 * `scopeValue` is the team id or the channel name ('' for the workspace).
 */
export const metricGoals = pgTable(
  'metric_goals',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    metric: text('metric').notNull(),
    scope: text('scope').$type<'workspace' | 'team' | 'channel'>().notNull(),
    scopeValue: text('scope_value').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    target: numeric('target', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('metric_goals_period_idx').on(t.workspaceId, t.startsOn, t.endsOn),
  ],
);

/** A note pinned to a day on every chart ("campaign launched"). */
export const chartAnnotations = pgTable(
  'chart_annotations',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    label: text('label').notNull(),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('chart_annotations_day_idx').on(t.workspaceId, t.day)],
);
