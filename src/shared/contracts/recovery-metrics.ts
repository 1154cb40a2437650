import { z } from 'zod';
import { EscalationTier } from './recovery.ts';

export const RECOVERY_GROUPS = ['team', 'channel', 'owner'] as const;

export const RecoveryMetricsQuery = z.object({
  from: z.iso.date({ message: 'must be a date such as 2026-04-01' }),
  to: z.iso.date({ message: 'must be a date such as 2026-04-01' }),
  by: z.enum(RECOVERY_GROUPS).optional(),
  /** Buckets of "opened over time"; by default days up to 62 days, else weeks (from Monday). */
  bucket: z.enum(['day', 'week']).optional(),
});
export type RecoveryMetricsQuery = z.infer<typeof RecoveryMetricsQuery>;

const Rate = z.object({
  /** Counted in the numerator. */
  count: z.number().int(),
  n: z.number().int(),
  /** 0–100; null when n = 0. */
  percent: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable(),
});
export type Rate = z.infer<typeof Rate>;

const FirstContact = z.object({
  n: z.number().int(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  /** The same in business seconds of each case's calendar. */
  businessMedianSeconds: z.number().nullable(),
  businessP90Seconds: z.number().nullable(),
});

const RecoveryFigures = z.object({
  /** Cases opened in the period. */
  opened: z.number().int(),
  /** First contacts in the period: first contact − opening. */
  firstContact: FirstContact,
  /** Cases closed in the period: recovered ÷ (recovered + not recovered), Wilson 95 %. */
  recoveryRate: Rate,
  unreachable: z.number().int(),
  /** Cases opened in the period whose first contact missed its due time (late, or missing after it). */
  overdue: Rate,
});

export const RecoveryMetrics = RecoveryFigures.extend({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  bucket: z.enum(['day', 'week']),
  series: z.array(z.object({ key: z.string(), opened: z.number().int() })),
  /** Open cases past their due time without a first contact, right now. */
  overdueNow: z.number().int(),
  topCauses: z.array(z.object({ tag: z.string(), count: z.number().int() })),
  by: z.enum(RECOVERY_GROUPS).nullable(),
  groups: z.array(RecoveryFigures.extend({ key: z.string().nullable(), label: z.string().nullable() })),
});
export type RecoveryMetrics = z.infer<typeof RecoveryMetrics>;

export const EscalationMetricsQuery = z.object({
  from: z.iso.date({ message: 'must be a date such as 2026-04-01' }),
  to: z.iso.date({ message: 'must be a date such as 2026-04-01' }),
  by: z.enum(['team', 'channel']).optional(),
});
export type EscalationMetricsQuery = z.infer<typeof EscalationMetricsQuery>;

export const EscalationMetrics = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['team', 'channel']).nullable(),
  /** Conversations created in the period that were escalated at least once ÷ conversations created. */
  rate: Rate,
  byTier: z.array(z.object({ tier: EscalationTier, count: z.number().int() })),
  groups: z.array(Rate.extend({ key: z.string().nullable(), label: z.string().nullable() })),
});
export type EscalationMetrics = z.infer<typeof EscalationMetrics>;
