import { bigint, date, doublePrecision, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, tz, workspaceId } from './columns.ts';

/**
 * Daily rollups the dashboards read (DESIGN "Data rules"): their size grows with
 * days × dimension values, not with the number of responses or conversations.
 * Each row is one local day (workspace time zone) of one dimension value:
 * dimension 'all' (value '') or 'channel', 'agent', 'team', 'tag', 'company', 'touchpoint'.
 * Rebuilt idempotently from the raw tables (src/server/modules/metrics/rollups/);
 * triggers note the days a write touched in `rollup_dirty_days`.
 */
const dims = {
  workspaceId: workspaceId(),
  dimension: text('dimension').notNull(),
  dimValue: text('dim_value').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
};

/** Responses per score (−1 = skipped) and kind. */
export const rollupResponsesDaily = pgTable(
  'rollup_responses_daily',
  {
    ...dims,
    kind: text('kind').notNull(),
    score: smallint('score').notNull(),
    responses: integer('responses').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.day, t.dimValue, t.kind, t.score] })],
);

/** Invitations delivered on the day they were made, and how many of them got a response. */
export const rollupInvitationsDaily = pgTable(
  'rollup_invitations_daily',
  {
    ...dims,
    delivered: integer('delivered').notNull(),
    responded: integer('responded').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.day, t.dimValue] })],
);

/** Conversation counts; each counter is attributed as its figure is (see conversation-figures). */
export const rollupConversationsDaily = pgTable(
  'rollup_conversations_daily',
  {
    ...dims,
    created: integer('created').notNull(),
    resolvedCycles: integer('resolved_cycles').notNull(),
    oneTouch: integer('one_touch').notNull(),
    reopened: integer('reopened').notNull(),
    fcrTotal: integer('fcr_total').notNull(),
    fcrCount: integer('fcr_count').notNull(),
    /** Care cycles started (creations and reopens) and resolved: backlog at a day's end = Σ (opened − closed) up to it. */
    opened: integer('opened').notNull(),
    closed: integer('closed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.day, t.dimValue] })],
);

/** Conversations created per local day and hour: the weekday × hour heatmap. */
export const rollupCreatedHourly = pgTable(
  'rollup_created_hourly',
  {
    ...dims,
    hour: smallint('hour').notNull(),
    created: integer('created').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.day, t.dimValue, t.hour] })],
);

/**
 * Conversations resolved on a day, by the day of their previous resolution (of the same
 * dimension value; '0001-01-01' when none): the distinct conversations resolved in a
 * period [a, b] are Σ over its days of those whose previous resolution was before a.
 */
export const rollupResolvedDaily = pgTable(
  'rollup_resolved_daily',
  {
    ...dims,
    previousDay: date('previous_day', { mode: 'string' }).notNull(),
    conversations: integer('conversations').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.day, t.dimValue, t.previousDay] })],
);

/**
 * Duration histograms: one row per day, dimension value and figure (`metric`, with a
 * `_business` suffix for business hours), whatever the number of durations. `count` and
 * `total` (whole seconds) are exact, so means are; `histogram` holds the occupied buckets
 * (exact below 128 s, else the value cut to 7 significant bits, a bucket at most 1/64 wide)
 * with their count, min and max, 4 to 12 bytes each (src/shared/metrics/histogram.ts) — at
 * most `BUCKET_COUNT` of them, so a row's size is bounded too.
 */
export const rollupDurationsDaily = pgTable(
  'rollup_durations_daily',
  {
    ...dims,
    metric: text('metric').notNull(),
    count: integer('count').notNull(),
    total: doublePrecision('total').notNull(),
    histogram: bytea('histogram').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.metric, t.day, t.dimValue] })],
);

/** Days whose rollups a write made stale; append-only until a refresh rebuilds them. */
export const rollupDirtyDays = pgTable(
  'rollup_dirty_days',
  {
    workspaceId: workspaceId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/**
 * What the rollups of a workspace were built with: a change of time zone or FCR window
 * (both move figures between days) makes every day stale.
 */
export const rollupState = pgTable('rollup_state', {
  workspaceId: uuid('workspace_id').primaryKey(),
  timeZone: text('time_zone').notNull(),
  fcrWindowHours: integer('fcr_window_hours').notNull(),
  builtAt: tz('built_at').notNull(),
});
