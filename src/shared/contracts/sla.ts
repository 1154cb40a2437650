import { z } from 'zod';
import { CHANNELS, PRIORITIES } from './conversations.ts';

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
