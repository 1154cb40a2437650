import { z } from 'zod';

export const ESCALATION_TIERS = ['agent', 'senior', 'manager'] as const;
export const EscalationTier = z.enum(ESCALATION_TIERS);
export type EscalationTier = z.infer<typeof EscalationTier>;

export const RECOVERY_CASE_STATUSES = ['new', 'contacted', 'action', 'follow_up', 'closed'] as const;
export const RecoveryCaseStatus = z.enum(RECOVERY_CASE_STATUSES);
export type RecoveryCaseStatus = z.infer<typeof RecoveryCaseStatus>;

export const RECOVERY_OUTCOMES = ['recovered', 'not_recovered', 'unreachable'] as const;
export const RecoveryOutcome = z.enum(RECOVERY_OUTCOMES);
export type RecoveryOutcome = z.infer<typeof RecoveryOutcome>;

/** What opened the case: a negative answer on one of the scales, or a person. */
export const RECOVERY_SOURCES = ['csat', 'nps', 'ces7', 'ces5', 'manual'] as const;
export const RecoverySource = z.enum(RECOVERY_SOURCES);
export type RecoverySource = z.infer<typeof RecoverySource>;

/**
 * An answer opens a case when it is at or beyond its scale's threshold:
 * CSAT ≤ csatMax, NPS ≤ npsMax (detractor), CES 2.0 (1–7, higher is easier) ≤ ces7Max,
 * CES effort (1–5, lower is easier) ≥ ces5Min.
 */
export const RecoveryThresholds = z.object({
  csatMax: z.number().int().min(1).max(5).default(2),
  npsMax: z.number().int().min(0).max(10).default(6),
  ces7Max: z.number().int().min(1).max(7).default(3),
  ces5Min: z.number().int().min(1).max(5).default(4),
});
export type RecoveryThresholds = z.infer<typeof RecoveryThresholds>;

/** A playbook step: its key stays when the label is translated or edited. */
export const PlaybookStep = z.object({
  key: z.string().trim().min(1).max(50),
  label: z.string().trim().min(1).max(200),
});
export type PlaybookStep = z.infer<typeof PlaybookStep>;

export interface PlaybookStepState extends PlaybookStep {
  doneAt: string | null;
  doneBy: string | null;
}
