import { z } from 'zod';
import { Id } from './common.ts';

export const SLA_TARGET_KINDS = ['first_response', 'next_response', 'resolution'] as const;
export const SlaTargetKind = z.enum(SLA_TARGET_KINDS);
export type SlaTargetKind = z.infer<typeof SlaTargetKind>;

/**
 * active: the clock runs; paused: the conversation waits on the customer (pending);
 * met: fulfilled before its deadline; breached: its deadline passed (met_at is set if it
 * was fulfilled late); cancelled: no longer applies (e.g. next response when resolved).
 */
export const SLA_TARGET_STATUSES = ['active', 'paused', 'met', 'breached', 'cancelled'] as const;
export type SlaTargetStatus = (typeof SLA_TARGET_STATUSES)[number];

/**
 * A running SLA clock of a conversation as the inbox shows it: running (dueAt set),
 * paused while the conversation is pending (remainingSeconds set), or breached and still
 * unmet (dueAt in the past).
 */
export const SlaTargetSummary = z.object({
  id: Id,
  kind: SlaTargetKind,
  /** 1 for first response and resolution; the n-th customer wait for next response. */
  sequence: z.number().int(),
  cycle: z.number().int(),
  status: z.enum(SLA_TARGET_STATUSES),
  policyId: Id,
  policyName: z.string().nullable(),
  targetSeconds: z.number().int(),
  startedAt: z.iso.datetime(),
  dueAt: z.iso.datetime().nullable(),
  warnAt: z.iso.datetime().nullable(),
  /** While paused: business seconds left. */
  remainingSeconds: z.number().int().nullable(),
  warnedAt: z.iso.datetime().nullable(),
  breachedAt: z.iso.datetime().nullable(),
});
export type SlaTargetSummary = z.infer<typeof SlaTargetSummary>;
