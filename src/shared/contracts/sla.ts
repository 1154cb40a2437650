import { z } from 'zod';
import { Id } from './common.ts';
import { CHANNELS, PRIORITIES } from './conversations.ts';
import { MetricFilters } from './metrics.ts';
import { SLA_TARGET_STATUSES, SlaTargetKind } from './sla-targets.ts';

// The target kinds, statuses and the inbox's summary live in sla-targets.ts, which the
// conversation contract imports without importing this file (no import cycle).
export {
  SLA_TARGET_KINDS,
  SLA_TARGET_STATUSES,
  SlaTargetKind,
  type SlaTargetStatus,
  SlaTargetSummary,
} from './sla-targets.ts';

const Values = z.array(z.string().trim().min(1).max(100)).max(50);

/** Every listed field must hold (each is "any of" its values); an empty object matches every conversation. */
export const SlaConditions = z.object({
  priority: z.array(z.enum(PRIORITIES)).max(4).optional(),
  channel: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
  companyPlan: Values.optional(),
  companyTier: Values.optional(),
  tags: Values.optional(),
});
export type SlaConditions = z.infer<typeof SlaConditions>;

/** Seconds of a target: positive, at most a year. */
const TargetSeconds = z
  .number()
  .int('must be whole seconds')
  .positive('must be more than 0 seconds')
  .max(31_536_000, 'must be at most 365 days');

export const SlaPolicy = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  /** Order of trial among the non-default policies (0 first); the default is tried last whatever its position. */
  position: z.number().int(),
  enabled: z.boolean(),
  isDefault: z.boolean(),
  conditions: SlaConditions,
  firstResponseSeconds: z.number().int().nullable(),
  nextResponseSeconds: z.number().int().nullable(),
  resolutionSeconds: z.number().int().nullable(),
  /** Business-hours calendar the targets count in; null: calendar time (24/7). */
  calendarId: Id.nullable(),
  warnAtPercent: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

const PolicyFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000),
  enabled: z.boolean(),
  isDefault: z.boolean(),
  conditions: SlaConditions,
  firstResponseSeconds: TargetSeconds.nullable(),
  nextResponseSeconds: TargetSeconds.nullable(),
  resolutionSeconds: TargetSeconds.nullable(),
  calendarId: Id.nullable(),
  warnAtPercent: z.number().int('must be a whole percent').min(1).max(99),
};

export const CreateSlaPolicyInput = z.object({
  name: PolicyFields.name,
  description: PolicyFields.description.default(''),
  enabled: PolicyFields.enabled.default(true),
  isDefault: PolicyFields.isDefault.default(false),
  conditions: PolicyFields.conditions.default({}),
  firstResponseSeconds: PolicyFields.firstResponseSeconds.default(null),
  nextResponseSeconds: PolicyFields.nextResponseSeconds.default(null),
  resolutionSeconds: PolicyFields.resolutionSeconds.default(null),
  calendarId: PolicyFields.calendarId.default(null),
  warnAtPercent: PolicyFields.warnAtPercent.default(80),
});
export type CreateSlaPolicyInput = z.infer<typeof CreateSlaPolicyInput>;

/** A PATCH changes only the fields it names. */
export const UpdateSlaPolicyInput = z.object({
  name: PolicyFields.name.optional(),
  description: PolicyFields.description.optional(),
  enabled: PolicyFields.enabled.optional(),
  isDefault: PolicyFields.isDefault.optional(),
  conditions: PolicyFields.conditions.optional(),
  firstResponseSeconds: PolicyFields.firstResponseSeconds.optional(),
  nextResponseSeconds: PolicyFields.nextResponseSeconds.optional(),
  resolutionSeconds: PolicyFields.resolutionSeconds.optional(),
  calendarId: PolicyFields.calendarId.optional(),
  warnAtPercent: PolicyFields.warnAtPercent.optional(),
});
export type UpdateSlaPolicyInput = z.infer<typeof UpdateSlaPolicyInput>;

/** The new order of trial: every policy of the workspace, each once. */
export const ReorderSlaPoliciesInput = z.object({
  ids: z
    .array(Id)
    .max(500)
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: 'is listed twice' });
        seen.add(id);
      });
    }),
});
export type ReorderSlaPoliciesInput = z.infer<typeof ReorderSlaPoliciesInput>;

/** Data of the `sla.warning` and `sla.breached` domain events. */
export interface SlaEventData {
  targetId: string;
  kind: SlaTargetKind;
  dueAt: string;
  policyId: string;
  cycle: number;
  sequence: number;
}

export const SLA_GROUPS = ['team', 'agent', 'channel', 'policy', 'day', 'week', 'month'] as const;
export const SlaGroupBy = z.enum(SLA_GROUPS);
export type SlaGroupBy = z.infer<typeof SlaGroupBy>;

const BooleanFlag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');

/** The metrics filters (period in local dates, channel, team, agent, tag, company, segment) and a grouping. */
export const SlaMetricsQuery = MetricFilters.omit({ businessHours: true, touchpoint: true }).extend({
  by: SlaGroupBy.optional(),
});
export type SlaMetricsQuery = z.infer<typeof SlaMetricsQuery>;

const BreachFilters = MetricFilters.omit({ businessHours: true, touchpoint: true }).extend({
  kind: SlaTargetKind.optional(),
  policyId: Id.optional(),
});

/** Breaches by breach time, newest first. */
export const SlaBreachQuery = BreachFilters.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type SlaBreachQuery = z.infer<typeof SlaBreachQuery>;

/** The breach list as CSV; `bom=true` for Excel. */
export const SlaBreachExportQuery = BreachFilters.extend({ bom: BooleanFlag.optional() });
export type SlaBreachExportQuery = z.infer<typeof SlaBreachExportQuery>;

/**
 * Attainment of one target kind: targets decided in the period (met on time, or breached —
 * a target belongs to the period of its meeting or its breach), attainment = met ÷ applied,
 * with a Wilson 95 % interval in percent. Null when nothing was decided.
 */
export interface SlaFigure {
  applied: number;
  met: number;
  breached: number;
  attainment_percent: number | null;
  ci95: [number, number] | null;
}

export interface SlaAttainment {
  first_response: SlaFigure;
  next_response: SlaFigure;
  resolution: SlaFigure;
  /** Every kind together. */
  all: SlaFigure;
}

export interface SlaReport extends SlaAttainment {
  from: string;
  to: string;
  time_zone: string;
  by: SlaGroupBy | null;
  /** One per group with any decided target (every bucket of the period for day/week/month). */
  groups: (SlaAttainment & { key: string; label: string })[];
}

/** A breached target: when it was due, when it breached and, if it was met late, when. */
export const SlaBreach = z.object({
  targetId: Id,
  conversationId: Id,
  subject: z.string(),
  contactName: z.string().nullable(),
  kind: SlaTargetKind,
  sequence: z.number().int(),
  cycle: z.number().int(),
  policyId: Id,
  policyName: z.string().nullable(),
  channel: z.string(),
  agentId: Id.nullable(),
  agentName: z.string().nullable(),
  teamId: Id.nullable(),
  teamName: z.string().nullable(),
  targetSeconds: z.number().int(),
  startedAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  breachedAt: z.iso.datetime(),
  /** When it was met after all (late), or null. */
  metAt: z.iso.datetime().nullable(),
  status: z.enum(SLA_TARGET_STATUSES),
});
export type SlaBreach = z.infer<typeof SlaBreach>;

export const SLA_BREACH_EXPORT_COLUMNS = [
  'conversation_id',
  'external_id',
  'subject',
  'customer_name',
  'customer_email',
  'channel',
  'team',
  'agent_email',
  'policy',
  'target',
  'sequence',
  'cycle',
  'target_seconds',
  'started_at',
  'due_at',
  'breached_at',
  'met_at',
  'late_seconds',
] as const;
