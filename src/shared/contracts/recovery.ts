import { z } from 'zod';
import { commaList, Id } from './common.ts';

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

// ——— Settings and playbooks ———————————————————————————————————————————————

/** Four business hours to first contact unless the workspace says otherwise. */
export const DEFAULT_FIRST_CONTACT_SECONDS = 4 * 3600;

export const RecoverySettings = z.object({
  enabled: z.boolean(),
  thresholds: RecoveryThresholds,
  /** Due time to first contact, in business seconds. */
  firstContactSeconds: z.number().int(),
  /** The calendar the due time is counted in; null: the conversation's (team → channel → default), else calendar time. */
  calendarId: Id.nullable(),
  /** The survey sent as the re-survey; null: the survey of the answer that opened the case. */
  followUpSurveyId: Id.nullable(),
  /** Null while the workspace runs on the defaults. */
  updatedAt: z.iso.datetime().nullable(),
});
export type RecoverySettings = z.infer<typeof RecoverySettings>;

/** PUT replaces the settings: a field left out takes its default. */
export const UpdateRecoverySettingsInput = z.object({
  enabled: z.boolean().default(true),
  thresholds: RecoveryThresholds.default({ csatMax: 2, npsMax: 6, ces7Max: 3, ces5Min: 4 }),
  firstContactSeconds: z
    .number()
    .int()
    .min(60, 'must be at least 60 seconds')
    .max(30 * 86_400, 'must be at most 30 days')
    .default(DEFAULT_FIRST_CONTACT_SECONDS),
  calendarId: Id.nullable().default(null),
  followUpSurveyId: Id.nullable().default(null),
});
export type UpdateRecoverySettingsInput = z.infer<typeof UpdateRecoverySettingsInput>;

/** The keys of the default playbook; "contact" records the first contact and cannot be removed. */
export const DEFAULT_STEP_KEYS = ['contact', 'apologise', 'ask', 'agree_actions', 'follow_up', 'resurvey'] as const;
export const CONTACT_STEP = 'contact';
export const RESURVEY_STEP = 'resurvey';

export const PlaybookLanguage = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as ja or en');
export const PlaybookLanguageParams = z.object({ language: PlaybookLanguage });

export const Playbook = z.object({
  language: z.string(),
  steps: z.array(PlaybookStep),
  /** False while the language uses Koe's default steps. */
  custom: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export type Playbook = z.infer<typeof Playbook>;

export const UpdatePlaybookInput = z.object({
  steps: z
    .array(
      PlaybookStep.extend({
        key: PlaybookStep.shape.key.regex(/^[a-z0-9_]+$/, 'must be lower-case letters, digits and _'),
      }),
    )
    .min(1)
    .max(20)
    .superRefine((steps, ctx) => {
      const seen = new Set<string>();
      steps.forEach((step, index) => {
        if (seen.has(step.key)) ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'is used twice' });
        seen.add(step.key);
      });
      if (!seen.has(CONTACT_STEP)) {
        ctx.addIssue({
          code: 'custom',
          message: 'must keep the step with key "contact" (it records the first contact)',
        });
      }
    }),
});
export type UpdatePlaybookInput = z.infer<typeof UpdatePlaybookInput>;

// ——— Cases ————————————————————————————————————————————————————————————————

const Tag = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[^,\s][^,]*$/, 'must not contain commas');

const Person = z.object({ id: Id, name: z.string() });

export const PlaybookStepStateSchema = PlaybookStep.extend({
  doneAt: z.iso.datetime().nullable(),
  doneBy: Id.nullable(),
});

/** A case as the board and lists show it. */
export const RecoveryCase = z.object({
  id: Id,
  number: z.number().int(),
  status: RecoveryCaseStatus,
  source: RecoverySource,
  contactId: Id,
  contact: z.object({ id: Id, name: z.string(), email: z.string().nullable() }).nullable(),
  conversationId: Id.nullable(),
  responseId: Id.nullable(),
  /** The answer's scale (csat, nps, ces7, ces5), score and comment; nulls when opened by hand. */
  trigger: z.object({
    kind: z.string().nullable(),
    score: z.number().int().nullable(),
    comment: z.string().nullable(),
  }),
  reason: z.string(),
  ownerId: Id.nullable(),
  owner: Person.nullable(),
  teamId: Id.nullable(),
  channel: z.string().nullable(),
  language: z.string(),
  tags: z.array(z.string()),
  dueAt: z.iso.datetime(),
  /** Not contacted yet and past its due time. */
  overdue: z.boolean(),
  firstContactAt: z.iso.datetime().nullable(),
  outcome: RecoveryOutcome.nullable(),
  outcomeScore: z.number().int().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type RecoveryCase = z.infer<typeof RecoveryCase>;

export const RecoveryActionItem = z.object({
  id: Id,
  caseId: Id,
  title: z.string(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.iso.date().nullable(),
  doneAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type RecoveryActionItem = z.infer<typeof RecoveryActionItem>;

export const RECOVERY_EVENT_TYPES = [
  'opened',
  'joined',
  'trigger_updated',
  'status_changed',
  'owner_changed',
  'tags_changed',
  'step_checked',
  'step_unchecked',
  'action_item_added',
  'action_item_updated',
  'action_item_removed',
  'follow_up_sent',
  'follow_up_answered',
  'overdue',
  'closed',
  'reopened',
] as const;
export type RecoveryEventType = (typeof RECOVERY_EVENT_TYPES)[number];

export const RecoveryCaseEvent = z.object({
  id: Id,
  type: z.string(),
  actorType: z.string(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  occurredAt: z.iso.datetime(),
});
export type RecoveryCaseEvent = z.infer<typeof RecoveryCaseEvent>;

/** One case with everything its page shows. */
export const RecoveryCaseDetail = RecoveryCase.extend({
  playbook: z.array(PlaybookStepStateSchema),
  actionItems: z.array(RecoveryActionItem),
  events: z.array(RecoveryCaseEvent),
  triggerResponse: z
    .object({
      id: Id,
      surveyId: Id,
      surveyName: z.string(),
      kind: z.string(),
      score: z.number().int().nullable(),
      comment: z.string().nullable(),
      submittedAt: z.iso.datetime(),
    })
    .nullable(),
  conversation: z
    .object({ id: Id, subject: z.string(), channel: z.string(), status: z.string(), escalationTier: EscalationTier })
    .nullable(),
  followUp: z
    .object({
      invitationId: Id,
      surveyId: Id,
      delivery: z.string(),
      status: z.string(),
      sentAt: z.iso.datetime().nullable(),
      answeredAt: z.iso.datetime().nullable(),
    })
    .nullable(),
});
export type RecoveryCaseDetail = z.infer<typeof RecoveryCaseDetail>;

const Flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === 'true' || value === '1'));

/**
 * Board, lists and every drill-down of the recovery figures. `from`/`to` are local dates in
 * the workspace's time zone, inclusive, applied to `period`: when the case was opened (default),
 * first contacted, or closed.
 */
export const RecoveryCaseListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  status: commaList(z.enum(RECOVERY_CASE_STATUSES)),
  source: commaList(z.enum(RECOVERY_SOURCES)),
  outcome: commaList(z.enum(RECOVERY_OUTCOMES)),
  /** A member id, "me" or "none". */
  owner: z.union([Id, z.enum(['me', 'none'])]).optional(),
  teamId: Id.optional(),
  channel: z.string().max(20).optional(),
  /** The first contact missed its due time (late, or still missing after it). */
  overdue: Flag,
  /** Has a first contact. */
  contacted: Flag,
  tag: z.string().max(50).optional(),
  contactId: Id.optional(),
  conversationId: Id.optional(),
  from: z.iso.date({ message: 'must be a date such as 2026-04-01' }).optional(),
  to: z.iso.date({ message: 'must be a date such as 2026-04-01' }).optional(),
  period: z.enum(['opened', 'contacted', 'closed']).default('opened'),
});
export type RecoveryCaseListQuery = z.infer<typeof RecoveryCaseListQuery>;

/** Open a case by hand, from a conversation (any channel, reviews too) or for a customer. */
export const OpenRecoveryCaseInput = z
  .object({
    conversationId: Id.optional(),
    contactId: Id.optional(),
    reason: z.string().trim().min(1).max(2000),
    ownerId: Id.nullable().optional(),
    tags: z.array(Tag).max(20).optional(),
  })
  .refine((v) => v.conversationId || v.contactId, {
    message: 'needs conversationId or contactId',
    path: ['conversationId'],
  });
export type OpenRecoveryCaseInput = z.infer<typeof OpenRecoveryCaseInput>;

/** A move on the board, a new owner or causes; closing needs an outcome. */
export const UpdateRecoveryCaseInput = z.object({
  status: RecoveryCaseStatus.optional(),
  outcome: RecoveryOutcome.optional(),
  ownerId: Id.nullable().optional(),
  tags: z.array(Tag).max(20).optional(),
});
export type UpdateRecoveryCaseInput = z.infer<typeof UpdateRecoveryCaseInput>;

export const StepParams = z.object({ id: Id, key: z.string().regex(/^[a-z0-9_]{1,50}$/) });
export const SetStepInput = z.object({ done: z.boolean() });

export const CreateActionItemInput = z.object({
  title: z.string().trim().min(1).max(500),
  ownerId: Id.nullable().optional(),
  dueOn: z.iso.date({ message: 'must be a date such as 2026-04-01' }).nullable().optional(),
});
export type CreateActionItemInput = z.infer<typeof CreateActionItemInput>;

export const UpdateActionItemInput = CreateActionItemInput.partial().extend({ done: z.boolean().optional() });
export type UpdateActionItemInput = z.infer<typeof UpdateActionItemInput>;

export const FollowUpInput = z.object({
  /** The re-survey; defaults to the settings' follow-up survey, else the survey of the triggering answer. */
  surveyId: Id.optional(),
  /** email needs an address; link returns a personal link to send by hand. Default: email when the customer has one. */
  delivery: z.enum(['email', 'link']).optional(),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const CloseRecoveryCaseInput = z.object({
  outcome: RecoveryOutcome,
  note: z.string().trim().max(2000).optional(),
});
export type CloseRecoveryCaseInput = z.infer<typeof CloseRecoveryCaseInput>;

// ——— Escalation ———————————————————————————————————————————————————————————

export const EscalateInput = z.object({
  toTeamId: Id.nullable().optional(),
  toUserId: Id.nullable().optional(),
  reason: z.string().trim().min(1).max(1000),
  /** Defaults to the next tier (agent → senior → manager); a manager-tier conversation stays at manager. */
  tier: EscalationTier.optional(),
});
export type EscalateInput = z.infer<typeof EscalateInput>;

export const Escalation = z.object({
  id: Id,
  conversationId: Id,
  cycle: z.number().int(),
  fromTier: EscalationTier,
  toTier: EscalationTier,
  fromUser: Person.nullable(),
  toUser: Person.nullable(),
  fromTeam: Person.nullable(),
  toTeam: Person.nullable(),
  reason: z.string(),
  ruleId: Id.nullable(),
  actorType: z.string(),
  actor: Person.nullable(),
  channel: z.string(),
  createdAt: z.iso.datetime(),
});
export type Escalation = z.infer<typeof Escalation>;

// Figures (GET /api/v1/metrics/recovery and /escalations) are in recovery-metrics.ts.
