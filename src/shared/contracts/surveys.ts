import { z } from 'zod';
import { Id, PageQuery } from './common.ts';
import { Channel, Priority } from './conversations.ts';

/**
 * csat: 1–5 satisfaction; nps: 0–10 likelihood to recommend; ces7: CES 2.0, 1–7
 * agreement that "it was easy" (higher is better); ces5: effort 1–5 (lower is better);
 * rating: a custom scale. CES scales are never mixed: each survey has one kind.
 */
export const SURVEY_KINDS = ['csat', 'nps', 'ces7', 'ces5', 'rating'] as const;
export const SurveyKind = z.enum(SURVEY_KINDS);
export type SurveyKind = z.infer<typeof SurveyKind>;

export const SCALES: Record<Exclude<SurveyKind, 'rating'>, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces7: { min: 1, max: 7 },
  ces5: { min: 1, max: 5 },
};

export const SURVEY_STATUSES = ['draft', 'active', 'archived'] as const;
export const SurveyStatus = z.enum(SURVEY_STATUSES);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

/** Text per language ("ja", "en", …); the respondent's language falls back to the survey's default. */
export const Texts = z
  .record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as ja or en'), z.string().max(2000))
  .refine((t) => Object.keys(t).length > 0, 'needs at least one language');
export type Texts = z.infer<typeof Texts>;

const QuestionId = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'must be lowercase letters, digits, - or _ (at most 40)');

export const ScoreQuestion = z.object({
  id: z.literal('score'),
  type: z.literal('score'),
  prompt: Texts,
  lowLabel: Texts.optional(),
  highLabel: Texts.optional(),
});

export const CommentQuestion = z.object({
  id: QuestionId,
  type: z.literal('comment'),
  prompt: Texts,
  required: z.boolean().default(false),
});

export const ChoiceOption = z.object({ id: QuestionId, label: Texts });
export const ChoiceQuestion = z.object({
  id: QuestionId,
  type: z.literal('choice'),
  prompt: Texts,
  multiple: z.boolean().default(false),
  required: z.boolean().default(false),
  options: z.array(ChoiceOption).min(2).max(20),
});

export const Question = z.discriminatedUnion('type', [ScoreQuestion, CommentQuestion, ChoiceQuestion]);
export type Question = z.infer<typeof Question>;

export const SurveyDefinition = z
  .object({
    kind: SurveyKind,
    /** Only for `rating`; fixed for the other kinds. */
    scale: z.object({ min: z.number().int().min(0).max(1), max: z.number().int().min(1).max(10) }).optional(),
    questions: z.array(Question).min(1).max(20),
    thankYou: Texts,
    defaultLanguage: z.string().min(2).max(5).default('ja'),
  })
  .superRefine((d, ctx) => {
    if (d.questions[0]?.type !== 'score') {
      ctx.addIssue({ code: 'custom', path: ['questions', 0], message: 'the first question must be the score' });
    }
    if (d.questions.filter((q) => q.type === 'score').length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'needs exactly one score question' });
    }
    const ids = new Set<string>();
    d.questions.forEach((q, i) => {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: 'is used twice' });
      ids.add(q.id);
    });
    if (d.kind === 'rating' && !d.scale)
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'is required for rating' });
  });
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

/** When a conversation (or care cycle) is resolved, send the survey if these hold. */
export const AfterResolutionTrigger = z.object({
  enabled: z.boolean().default(false),
  delayMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 14)
    .default(60),
  channels: z.array(Channel).max(10).default([]),
  teamIds: z.array(Id).max(100).default([]),
  tags: z.array(z.string().min(1).max(50)).max(50).default([]),
  priorities: z.array(Priority).max(4).default([]),
});

export const EmailSettings = z.object({
  subject: Texts.optional(),
  intro: Texts.optional(),
  /** One reminder after N days to people who have not answered; null: none. */
  reminderAfterDays: z.number().int().min(1).max(30).nullable().default(null),
});

export const WidgetTrigger = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), name: z.string().min(1).max(100) }),
  z.object({ type: z.literal('url'), contains: z.string().min(1).max(500) }),
  z.object({ type: z.literal('time_on_page'), seconds: z.number().int().min(1).max(3600) }),
]);
export type WidgetTrigger = z.infer<typeof WidgetTrigger>;

export const WidgetSettings = z.object({
  enabled: z.boolean().default(false),
  triggers: z.array(WidgetTrigger).max(20).default([]),
});

export const SurveySettings = z.object({
  afterResolution: AfterResolutionTrigger.default(AfterResolutionTrigger.parse({})),
  email: EmailSettings.default(EmailSettings.parse({})),
  widget: WidgetSettings.default(WidgetSettings.parse({})),
  /** Nobody gets this survey again within N days. */
  recontactDays: z.number().int().min(0).max(365).default(30),
  /** Anyone with the link may answer (no identity). */
  anonymousLink: z.boolean().default(false),
});
export type SurveySettings = z.infer<typeof SurveySettings>;

export const Survey = z.object({
  id: Id,
  name: z.string(),
  kind: SurveyKind,
  status: SurveyStatus,
  version: z.number().int(),
  definition: SurveyDefinition,
  settings: SurveySettings,
  linkUrl: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Survey = z.infer<typeof Survey>;

/** How an invitation reaches the person. */
export const DELIVERY_CHANNELS = ['email', 'link', 'widget', 'chat', 'in_app'] as const;
export const DeliveryChannel = z.enum(DELIVERY_CHANNELS);
export type DeliveryChannel = z.infer<typeof DeliveryChannel>;

/**
 * scheduled → sent → delivered → opened → answered; or failed, dismissed (closed the
 * widget), skipped (throttled, suppressed or unsubscribed — the reason is kept).
 */
export const INVITATION_STATUSES = [
  'scheduled',
  'sent',
  'delivered',
  'opened',
  'answered',
  'failed',
  'dismissed',
  'skipped',
] as const;
export const InvitationStatus = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const SurveyListQuery = PageQuery.extend({ status: SurveyStatus.optional() });

export const CreateSurveyInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** Start from a ready template (its questions in Japanese and English), or give a definition. */
  template: z.enum(['csat_support', 'ces_resolution', 'nps_relationship', 'article_helpful']).optional(),
  definition: SurveyDefinition.optional(),
  settings: SurveySettings.optional(),
  status: SurveyStatus.default('draft'),
});
export type CreateSurveyInput = z.infer<typeof CreateSurveyInput>;

/** A new definition on a survey that has been sent creates a new version. */
export const UpdateSurveyInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  status: SurveyStatus.optional(),
  definition: SurveyDefinition.optional(),
  settings: SurveySettings.optional(),
});
export type UpdateSurveyInput = z.infer<typeof UpdateSurveyInput>;

export const SurveyTemplate = z.object({
  id: z.string(),
  name: Texts,
  description: Texts,
  definition: SurveyDefinition,
  settings: SurveySettings,
});
export type SurveyTemplate = z.infer<typeof SurveyTemplate>;

/** Workspace-wide protection from over-surveying, evaluated on the server for every invitation. */
export const ThrottlingSettings = z.object({
  /** Minimum days between any two surveys to the same contact. */
  minGapDays: z.number().int().min(0).max(365).default(3),
  /** At most this many surveys per contact per period. */
  maxPerPeriod: z.number().int().min(1).max(100).default(4),
  periodDays: z.number().int().min(1).max(365).default(30),
});
export type ThrottlingSettings = z.infer<typeof ThrottlingSettings>;

export const Invitation = z.object({
  id: Id,
  surveyId: Id,
  version: z.number().int(),
  contactId: Id.nullable(),
  conversationId: Id.nullable(),
  cycle: z.number().int().nullable(),
  delivery: DeliveryChannel,
  language: z.string(),
  status: InvitationStatus,
  agentId: Id.nullable(),
  teamId: Id.nullable(),
  channel: z.string().nullable(),
  touchpoint: z.string().nullable(),
  email: z.string().nullable(),
  scheduledAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  openedAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
  /** Public answer page, only for the caller that creates the invitation. */
  url: z.string().optional(),
  createdAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof Invitation>;

export const SendSurveyInput = z
  .object({
    delivery: z.enum(['email', 'link']).default('email'),
    contactId: Id.optional(),
    segmentId: Id.optional(),
    conversationId: Id.optional(),
    language: z.string().min(2).max(5).optional(),
    touchpoint: z.string().trim().min(1).max(100).optional(),
  })
  .refine((v) => v.contactId || v.segmentId, { message: 'needs contactId or segmentId', path: ['contactId'] });
export type SendSurveyInput = z.infer<typeof SendSurveyInput>;

export const ResponseAnswer = z.object({
  questionId: z.string(),
  optionIds: z.array(z.string()).optional(),
  text: z.string().nullable().optional(),
  skipped: z.boolean().optional(),
});

export const SurveyResponse = z.object({
  id: Id,
  surveyId: Id,
  surveyName: z.string().optional(),
  version: z.number().int(),
  invitationId: Id.nullable(),
  kind: SurveyKind,
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
  answers: z.array(ResponseAnswer),
  contactId: Id.nullable(),
  contact: z.object({ id: Id, name: z.string(), email: z.string().nullable() }).nullable().optional(),
  conversationId: Id.nullable(),
  cycle: z.number().int().nullable(),
  delivery: DeliveryChannel,
  language: z.string(),
  agentId: Id.nullable(),
  teamId: Id.nullable(),
  channel: z.string().nullable(),
  touchpoint: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

/**
 * What a respondent's page or the widget submits. The score may come first and the
 * comment later: both merge into the one response of the invitation.
 */
export const PublicAnswerInput = z.object({
  token: z.string().min(10).max(2000),
  /** null = explicitly skipped; absent = not part of this submit. */
  score: z.number().int().min(0).max(10).nullable().optional(),
  comment: z.string().max(5000).nullable().optional(),
  answers: z
    .array(
      z.object({
        questionId: z.string().max(40),
        optionIds: z.array(z.string().max(40)).max(20).optional(),
        text: z.string().max(5000).nullable().optional(),
        skipped: z.boolean().optional(),
      }),
    )
    .max(20)
    .optional(),
  language: z.string().min(2).max(5).optional(),
});
export type PublicAnswerInput = z.infer<typeof PublicAnswerInput>;

export const PublicEventInput = z.object({
  token: z.string().min(10).max(2000),
  type: z.enum(['opened', 'dismissed']),
});

/** The survey as a respondent sees it: one language, no internal settings. */
export const PublicSurvey = z.object({
  surveyId: Id,
  kind: SurveyKind,
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  language: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      type: z.enum(['score', 'comment', 'choice']),
      prompt: z.string(),
      lowLabel: z.string().optional(),
      highLabel: z.string().optional(),
      required: z.boolean(),
      multiple: z.boolean().optional(),
      options: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
    }),
  ),
  thankYou: z.string(),
  /** The answer so far (answering again updates it). */
  response: z.object({ score: z.number().int().nullable(), comment: z.string().nullable() }).nullable(),
  brand: z.object({ workspaceName: z.string() }),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;
