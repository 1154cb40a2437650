import { z } from 'zod';
import { Id } from './common.ts';
import { Channel } from './conversations.ts';

/**
 * The metrics report: every figure of DESIGN.md "Metric definitions", computed once in
 * src/server/modules/metrics/ and shared by the API (GET /api/v1/metrics), the CLI
 * (`koe metrics --json`) and the dashboard. Keys are snake_case because the CLI
 * contract names them so (`csat.ci95`, `first_response.median_seconds`).
 *
 * Percentages are 0–100; NPS is −100…100; intervals are in the unit of their figure.
 * A figure with n = 0 is null (and its interval null), never 0.
 */

/** A calendar date in the workspace's time zone. */
export const LocalDate = z.iso.date({ message: 'must be a date such as 2025-04-01' });

const BooleanFlag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');

/** Query values that may be given once (`?channel=email`) or repeated (`?channel=email&channel=chat`). */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item).max(100));

export const METRIC_DIMENSIONS = ['channel', 'agent', 'team', 'tag', 'company', 'touchpoint'] as const;
export const METRIC_BUCKETS = ['day', 'week', 'month'] as const;
export const MetricGroupBy = z.enum([...METRIC_DIMENSIONS, ...METRIC_BUCKETS]);
export type MetricGroupBy = z.infer<typeof MetricGroupBy>;

/** Filters every metric obeys; multi-select values of one filter are OR-ed, different filters AND-ed. */
export const MetricFilters = z.object({
  from: LocalDate,
  to: LocalDate,
  channel: many(Channel).optional(),
  teamId: many(Id).optional(),
  agentId: many(Id).optional(),
  tag: many(z.string().min(1).max(100)).optional(),
  companyId: many(Id).optional(),
  touchpoint: many(z.string().min(1).max(100)).optional(),
  /** Contacts matching a saved segment. */
  segmentId: Id.optional(),
  /** Durations in business hours of each conversation's calendar instead of calendar time. */
  businessHours: BooleanFlag.optional(),
});
export type MetricFilters = z.infer<typeof MetricFilters>;

export const MetricsQuery = MetricFilters.extend({
  by: MetricGroupBy.optional(),
  /** Add each figure's change against the previous period of the same length. */
  compare: BooleanFlag.optional(),
});
export type MetricsQuery = z.infer<typeof MetricsQuery>;

export type Interval = [number, number];

/** How a figure moved against the previous period of the same length. */
export interface Change {
  previous: number | null;
  delta: number | null;
  /** Two-proportion z-test for percentages, the NPS difference against its SE, Welch t for means. */
  significant: boolean;
  p_value: number | null;
}

export interface ProportionFigure {
  percent: number | null;
  /** The denominator. */
  n: number;
  /** The numerator. */
  count: number;
  ci95: Interval | null;
  change?: Change;
}

export interface DurationFigure {
  n: number;
  median_seconds: number | null;
  mean_seconds: number | null;
  p90_seconds: number | null;
  change?: Change;
}

export interface MetricSet {
  csat: {
    percent: number | null;
    average: number | null;
    n: number;
    skipped: number;
    ci95: Interval | null;
    average_ci95: Interval | null;
    change?: Change;
  };
  nps: {
    score: number | null;
    n: number;
    skipped: number;
    ci95: Interval | null;
    promoters: number;
    passives: number;
    detractors: number;
    change?: Change;
  };
  /** CES 2.0, 1–7 agreement that it was easy (higher is better); % agree = 5–7. */
  ces7: {
    average: number | null;
    n: number;
    ci95: Interval | null;
    agree_percent: number | null;
    change?: Change;
  };
  /** Effort 1–5 (lower is better). Never mixed with ces7. */
  ces5: { average: number | null; n: number; ci95: Interval | null; change?: Change };
  response_rate: ProportionFigure & { responses: number; delivered: number };
  first_response: DurationFigure;
  /** Every public human reply, from when the customer started waiting. */
  reply: DurationFigure;
  resolution: DurationFigure;
  fcr: ProportionFigure;
  one_touch: ProportionFigure;
  reopen: ProportionFigure;
  volume: { created: number; resolved: number; backlog: number; change?: Change };
}

export interface MetricGroup extends MetricSet {
  /** The dimension value (channel name, user/team/company id, tag, touchpoint, or bucket date). */
  key: string;
  label: string;
}

export interface MetricsReport extends MetricSet {
  from: string;
  to: string;
  time_zone: string;
  business_hours: boolean;
  /** The previous period compared against, when `compare` was asked. */
  previous_period: { from: string; to: string } | null;
  by: MetricGroupBy | null;
  groups: MetricGroup[];
}

/** Conversations created per local weekday (1 = Monday … 7 = Sunday) and hour. */
export interface VolumeHeatmap {
  cells: { weekday: number; hour: number; created: number }[];
}

/** What the items behind a figure are. */
export const DRILLDOWN_METRICS = [
  'csat',
  'nps',
  'ces7',
  'ces5',
  'first_response',
  'reply',
  'resolution',
  'fcr',
  'one_touch',
  'reopen',
  'created',
  'resolved',
  'backlog',
] as const;
export const DrilldownMetric = z.enum(DRILLDOWN_METRICS);
export type DrilldownMetric = z.infer<typeof DrilldownMetric>;

export const DrilldownQuery = MetricFilters.extend({
  metric: DrilldownMetric,
  /** Narrow to the items of one group (as in `by`/`key` of the report). */
  by: MetricGroupBy.optional(),
  key: z.string().max(200).optional(),
  /** For scores: negative/neutral/positive (detractor/passive/promoter for NPS); for rates: counted or not. */
  band: z.enum(['negative', 'neutral', 'positive', 'counted', 'not_counted']).optional(),
  /** Narrow to one cell of the volume heatmap: local ISO weekday (1 = Monday … 7 = Sunday) and/or hour (0–23). */
  weekday: z.coerce.number().int().min(1).max(7).optional(),
  hour: z.coerce.number().int().min(0).max(23).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type DrilldownQuery = z.infer<typeof DrilldownQuery>;

export interface DrilldownItem {
  kind: 'conversation' | 'response';
  id: string;
  conversation_id: string | null;
  cycle: number | null;
  subject: string | null;
  contact_id: string | null;
  contact_name: string | null;
  channel: string | null;
  agent_id: string | null;
  agent_name: string | null;
  team_id: string | null;
  /** The figure's value for this item: seconds for durations, the score for responses. */
  value: number | null;
  comment: string | null;
  /** When the item counts in the period (reply, resolution, submission or creation). */
  at: string;
}

export interface DrilldownPage {
  data: DrilldownItem[];
  nextCursor: string | null;
  total: number;
}

export const GOAL_METRICS = [
  'csat.percent',
  'csat.average',
  'nps.score',
  'ces7.average',
  'ces5.average',
  'response_rate.percent',
  'first_response.median_seconds',
  'first_response.p90_seconds',
  'reply.median_seconds',
  'resolution.median_seconds',
  'resolution.p90_seconds',
  'fcr.percent',
  'one_touch.percent',
  'reopen.percent',
  'volume.resolved',
  'volume.created',
] as const;
export const GoalMetric = z.enum(GOAL_METRICS);
export type GoalMetric = z.infer<typeof GoalMetric>;

export const GoalScope = z.enum(['workspace', 'team', 'channel']);

export const GoalInput = z.object({
  metric: GoalMetric,
  scope: GoalScope.default('workspace'),
  /** The team id or the channel; empty for the workspace. */
  scopeValue: z.string().max(100).default(''),
  startsOn: LocalDate,
  endsOn: LocalDate,
  target: z.number().finite(),
});
export type GoalInput = z.infer<typeof GoalInput>;

export const INDUSTRIES = ['it_services', 'finance', 'retail', 'custom'] as const;
export const Industry = z.enum(INDUSTRIES);
export type Industry = z.infer<typeof Industry>;

export const AnnotationInput = z.object({
  day: LocalDate,
  label: z.string().trim().min(1).max(200),
});

export const ExportQuery = MetricFilters.partial({ from: true, to: true });

/** A reference target printed beside a figure: from the chosen industry, or custom. */
export interface MetricReference {
  metric: GoalMetric;
  /** A band (typical range) and/or a single target line; in the unit of the figure. */
  low: number | null;
  high: number | null;
  target: number | null;
  source: 'industry' | 'custom';
}

export interface MetricReferences {
  industry: Industry | null;
  references: MetricReference[];
}

export const ReferencesInput = z.object({
  industry: Industry.nullable(),
  custom: z
    .array(
      z.object({
        metric: GoalMetric,
        low: z.number().finite().nullable().default(null),
        high: z.number().finite().nullable().default(null),
        target: z.number().finite().nullable().default(null),
      }),
    )
    .max(50)
    .default([]),
});
export type ReferencesInput = z.infer<typeof ReferencesInput>;

export interface Goal {
  id: string;
  metric: GoalMetric;
  scope: 'workspace' | 'team' | 'channel';
  scopeValue: string;
  startsOn: string;
  endsOn: string;
  target: number;
  createdAt: string;
}

export interface GoalProgress {
  goal: Goal;
  /** The figure from the period start to today (or the end), and its n. */
  current: number | null;
  n: number;
  /** Share of the period elapsed, 0–1. */
  elapsed: number;
  /** The figure expected at the period end (trend of the period so far; volumes scale linearly). */
  projection: number | null;
  status: 'met' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';
}

export interface Annotation {
  id: string;
  day: string;
  label: string;
  createdAt: string;
}

export interface VolumeAnalysis {
  /** Tags by conversations created in the period, most first, with the previous period's count. */
  topics: { tag: string; created: number; share_percent: number; previous: number; change_percent: number | null }[];
  /** Hours whose volume was far above the usual level for that weekday and hour. */
  spikes: { at: string; weekday: number; hour: number; created: number; expected: number; z: number }[];
  /** Next week's expected volume by local day and hour, for staffing. */
  forecast: {
    from: string;
    to: string;
    days: { day: string; expected: number; low: number; high: number }[];
    hours: { day: string; hour: number; expected: number }[];
  };
}

export interface ScorecardRow {
  key: string;
  label: string;
  /** Conversations in which this agent (or team) replied publicly or resolved a cycle in the period. */
  handled: number;
  first_response: DurationFigure;
  resolution: DurationFigure;
  fcr: ProportionFigure;
  csat: MetricSet['csat'];
}

export const ScorecardQuery = MetricFilters.extend({ by: z.enum(['agent', 'team']).default('agent') });
export type ScorecardQuery = z.infer<typeof ScorecardQuery>;
