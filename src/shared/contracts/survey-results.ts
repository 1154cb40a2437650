import { z } from 'zod';
import { BAND_NAMES } from '../metrics/bands.ts';
import { Id, PageQuery } from './common.ts';
import { Channel, ConversationStatus, Priority } from './conversations.ts';
import { SurveyDefinition, SurveyKind, SurveyResponse } from './surveys.ts';

/**
 * What the survey results endpoints take and return: the responses list and detail,
 * and the per-survey summary (metric definitions: DESIGN.md "Metric definitions",
 * computed once in src/server/modules/metrics/).
 */

/** A calendar date in the workspace's time zone. */
const LocalDate = z.iso.date({ message: 'must be a date such as 2025-04-01' });
const BooleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const SliceFilters = {
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  channel: Channel.optional(),
  agentId: Id.optional(),
  teamId: Id.optional(),
};

export const SurveyResponseListQuery = PageQuery.extend({
  surveyId: Id.optional(),
  kind: SurveyKind.optional(),
  /** negative/neutral/positive, or the NPS names detractor/passive/promoter (same bands). */
  scoreBand: z.enum(BAND_NAMES).optional(),
  ...SliceFilters,
  hasComment: BooleanFlag.optional(),
  /** Searches comments (Japanese too). */
  q: z.string().trim().min(1).max(200).optional(),
  contactId: Id.optional(),
  conversationId: Id.optional(),
});
export type SurveyResponseListQuery = z.infer<typeof SurveyResponseListQuery>;

export const ConversationSummary = z.object({
  id: Id,
  subject: z.string(),
  channel: Channel,
  status: ConversationStatus,
  priority: Priority,
  cycle: z.number().int(),
  assigneeId: Id.nullable(),
  teamId: Id.nullable(),
  createdAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

/** One response with the survey version it answered (labels of its option ids) and its conversation. */
export const SurveyResponseDetail = SurveyResponse.extend({
  definition: SurveyDefinition,
  conversation: ConversationSummary.nullable(),
});
export type SurveyResponseDetail = z.infer<typeof SurveyResponseDetail>;

export const SUMMARY_BUCKETS = ['day', 'week', 'month'] as const;

export const SurveySummaryQuery = z.object({
  ...SliceFilters,
  /** Trend buckets in the workspace's time zone; weeks start on Monday. */
  bucket: z.enum(SUMMARY_BUCKETS).default('day'),
});
export type SurveySummaryQuery = z.infer<typeof SurveySummaryQuery>;

const Interval = z.tuple([z.number(), z.number()]);

/** A figure always travels with its sample size; ci95 is null when n is too small. */
export const Figure = z.object({ value: z.number().nullable(), n: z.number().int(), ci95: Interval.nullable() });
export type Figure = z.infer<typeof Figure>;

export const SummaryFigures = z.object({
  /**
   * The headline: csat → % scoring 4–5 (Wilson); nps → promoters − detractors (−100…100);
   * ces7, ces5, rating → the mean (t-interval).
   */
  score: Figure,
  /** The mean score ("average rating"), t-interval. */
  average: Figure,
  /** % of scored answers in the positive band (CSAT top-2-box, NPS promoters, CES 2.0 "agree" 5–7), Wilson. */
  positiveShare: Figure,
  bands: z.object({ negative: z.number().int(), neutral: z.number().int(), positive: z.number().int() }),
});
export type SummaryFigures = z.infer<typeof SummaryFigures>;

export const SurveySummary = SummaryFigures.extend({
  surveyId: Id,
  kind: SurveyKind,
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  /** percent (CSAT), index (NPS) or mean (CES, rating). */
  unit: z.enum(['percent', 'index', 'mean']),
  lowerIsBetter: z.boolean(),
  timeZone: z.string(),
  /** Responses whose score was skipped: in no denominator. */
  skipped: z.number().int(),
  distribution: z.array(z.object({ score: z.number().int(), count: z.number().int() })),
  /** Responses ÷ invitations delivered (sent, delivered, opened, answered or dismissed), for invitations sent in the period. */
  responseRate: z.object({ responses: z.number().int(), delivered: z.number().int(), rate: z.number().nullable() }),
  funnel: z.object({
    delivered: z.number().int(),
    opened: z.number().int(),
    answered: z.number().int(),
    dismissed: z.number().int(),
  }),
  trend: z.array(SummaryFigures.extend({ bucket: LocalDate })),
  latestComments: z.array(
    z.object({
      id: Id,
      score: z.number().int().nullable(),
      comment: z.string(),
      language: z.string(),
      contactId: Id.nullable(),
      contactName: z.string().nullable(),
      conversationId: Id.nullable(),
      submittedAt: z.iso.datetime(),
    }),
  ),
});
export type SurveySummary = z.infer<typeof SurveySummary>;
