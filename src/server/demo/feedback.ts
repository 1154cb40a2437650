import type { DeliveryChannel } from '../../shared/contracts/surveys.ts';
import { skipResolutionsUntil } from '../commands/survey-after-resolution.ts';
import type { Db } from '../db/client.ts';
import { type Resolution, resolutionsAfter } from '../modules/conversations/feed.ts';
import { deliveryFor, RESOLUTION_TOUCHPOINT, triggerHolds } from '../modules/surveys/after-resolution.ts';
import { type PastInvitation, recordPastFeedback } from '../modules/surveys/history.ts';
import type { SurveyRecord } from '../modules/surveys/service.ts';
import { addMs, DAY, HOUR, MINUTE, startOfTokyoDay, tokyoWeekday } from './clock.ts';
import type { PlannedCompany, PlannedContact } from './customers.ts';
import { COMMENTS } from './data/comments.ts';
import type { TeamKey } from './data/staff.ts';
import type { ConversationPlan } from './plan.ts';
import type { Random } from './random.ts';
import { cesScore, csatScore, type Experience, npsScore, pickComment, satisfaction } from './scores.ts';
import { type DemoSurveys, ensureDemoSurveys } from './surveys.ts';

export interface FeedbackContext {
  db: Db;
  workspaceId: string;
  now: Date;
  windowStart: Date;
  /** The conversations of this run, by id. */
  conversations: Map<string, { plan: ConversationPlan; index: number }>;
  contacts: PlannedContact[];
  companies: PlannedCompany[];
  contactIds: string[];
  teamIds: Map<TeamKey, string>;
}

export interface FeedbackResult {
  surveys: number;
  invitations: number;
  skipped: number;
  responses: number;
}

const ANSWER_RATE: Record<DeliveryChannel, number> = { chat: 0.52, in_app: 0.5, widget: 0.45, email: 0.44, link: 0.3 };
/** Median minutes from the invitation to the answer. */
const ANSWER_MINUTES: Record<DeliveryChannel, number> = { chat: 12, in_app: 30, widget: 5, email: 150, link: 240 };
const NIL_ID = '00000000-0000-0000-0000-000000000000';

/** Opened, answered, reminded: what happened to one invitation by `now`. */
function funnel(random: Random, survey: SurveyRecord, delivery: DeliveryChannel, sentAt: Date, now: Date) {
  const later = (from: Date, minutes: number) => addMs(from, Math.max(MINUTE, random.around(minutes * MINUTE, 1.1)));
  const reminderDays = delivery === 'email' ? survey.row.settings.email.reminderAfterDays : null;
  const reminderAt = reminderDays ? addMs(sentAt, reminderDays * DAY + random.int(1, 14) * MINUTE) : null;
  let answeredAt: Date | null = random.chance(ANSWER_RATE[delivery]) ? later(sentAt, ANSWER_MINUTES[delivery]) : null;
  // The reminder brings a few more answers.
  if (!answeredAt && reminderAt && random.chance(0.18)) answeredAt = later(reminderAt, 120);
  if (answeredAt && answeredAt > now) answeredAt = null;
  const openedAt = answeredAt
    ? new Date(Math.max(sentAt.getTime(), answeredAt.getTime() - random.int(10, 150) * 1000))
    : random.chance(0.16)
      ? later(sentAt, ANSWER_MINUTES[delivery])
      : null;
  const reminded = reminderAt && reminderAt <= now && (!answeredAt || answeredAt > reminderAt);
  return {
    answeredAt,
    openedAt: openedAt && openedAt <= now ? openedAt : null,
    reminderSentAt: reminded ? reminderAt : null,
  };
}

/**
 * The funnel's part of an invitation. The comment is drawn only for an answer, so an
 * unanswered invitation takes nothing more from `random`.
 */
function outcomeFields(
  random: Random,
  outcome: ReturnType<typeof funnel>,
  language: keyof typeof COMMENTS,
  answer: Parameters<typeof pickComment>[2],
): Pick<PastInvitation, 'openedAt' | 'reminderSentAt' | 'answer'> {
  return {
    openedAt: outcome.openedAt,
    reminderSentAt: outcome.reminderSentAt,
    answer: outcome.answeredAt
      ? { at: outcome.answeredAt, score: answer.score, comment: pickComment(random, COMMENTS[language], answer) }
      : null,
  };
}

function experienceOf(context: FeedbackContext, resolution: Resolution, plan: ConversationPlan): Experience {
  const teamId = resolution.cycleTeamId ?? resolution.current.teamId;
  const team = [...context.teamIds].find(([, id]) => id === teamId)?.[0] ?? null;
  const span = context.now.getTime() - context.windowStart.getTime();
  return {
    scenario: plan.scenario,
    channel: resolution.current.channel,
    team,
    hours: (resolution.resolvedAt.getTime() - plan.createdAt.getTime()) / HOUR,
    reopened: resolution.cycle > 1,
    transferred: plan.steps.some((step) => step.kind === 'update' && step.team !== undefined),
    progress: Math.min(1, Math.max(0, (resolution.resolvedAt.getTime() - context.windowStart.getTime()) / span)),
  };
}

/** CSAT or CES for each resolved care cycle the survey's trigger would have caught, sent after its delay. */
function afterResolution(random: Random, context: FeedbackContext, surveys: DemoSurveys, resolution: Resolution) {
  const found = context.conversations.get(resolution.conversationId);
  if (!found) return [];
  const { plan, index } = found;
  const items: PastInvitation[] = [];
  for (const survey of [surveys.csat, surveys.ces]) {
    const trigger = survey.row.settings.afterResolution;
    if (survey.row.status !== 'active' || !trigger.enabled || !triggerHolds(trigger, resolution)) continue;
    const r = random.fork(`${survey.row.kind}:${index}:${resolution.cycle}`);
    // The trigger runs every minute once the delay has passed.
    const sentAt = addMs(resolution.resolvedAt, trigger.delayMinutes * MINUTE + r.int(5, 60) * 1000);
    if (sentAt > context.now) continue;
    const experience = experienceOf(context, resolution, plan);
    const p = satisfaction(experience);
    const kind = survey.row.kind === 'csat' ? 'csat' : 'ces7';
    const score = kind === 'csat' ? csatScore(r, p) : cesScore(r, p);
    const delivery = deliveryFor(resolution.current.channel);
    const outcome = funnel(r, survey, delivery, sentAt, context.now);
    items.push({
      survey,
      delivery,
      contactId: resolution.current.contactId,
      conversationId: resolution.conversationId,
      cycle: resolution.cycle,
      language: plan.language,
      agentId: resolution.resolverId ?? resolution.firstResponderId ?? resolution.cycleAssigneeId,
      teamId: resolution.cycleTeamId ?? resolution.current.teamId,
      channel: resolution.current.channel,
      touchpoint: RESOLUTION_TOUCHPOINT,
      sentAt,
      ...outcomeFields(r, outcome, plan.language, { kind, score, experience }),
    });
  }
  return items;
}

/** Relationship NPS: a rolling email program, each customer on one working morning of the period. */
function relationshipNps(random: Random, context: FeedbackContext, survey: SurveyRecord): PastInvitation[] {
  const waves: Date[] = [];
  for (let day = startOfTokyoDay(context.windowStart); day < context.now; day = addMs(day, DAY)) {
    const at = addMs(day, 10 * HOUR);
    if (tokyoWeekday(day) % 6 !== 0 && at > context.windowStart && at < context.now) waves.push(at);
  }
  if (waves.length === 0 || survey.row.status !== 'active') return [];
  const span = context.now.getTime() - context.windowStart.getTime();
  return context.contacts.flatMap((contact, index): PastInvitation[] => {
    const r = random.fork(`nps:${index}`);
    const contactId = context.contactIds[index];
    if (!contactId || !r.chance(0.75)) return [];
    const sentAt = addMs(r.pick(waves), r.int(0, 3600) * 1000);
    const company = contact.company === null ? null : context.companies[contact.company];
    const progress = (sentAt.getTime() - context.windowStart.getTime()) / span;
    const score = npsScore(
      r,
      { churned: Boolean(company?.churned), enterprise: company?.plan === 'Enterprise' },
      progress,
    );
    const outcome = funnel(r, survey, 'email', sentAt, context.now);
    return [
      {
        survey,
        delivery: 'email',
        contactId,
        language: contact.language,
        touchpoint: 'relationship',
        sentAt,
        ...outcomeFields(r, outcome, contact.language, { kind: 'nps', score }),
      },
    ];
  });
}

/**
 * Survey history for the demo: the three surveys, an invitation for each resolved
 * conversation the CSAT or CES trigger would have caught and for the NPS waves, about
 * 40 % answered, with comments in the customer's language. The triggers then start
 * after the demo's "now", so `koe serve` sends nothing for this history (resolutions
 * of the last hour, not yet due, go unsurveyed).
 */
export async function generateFeedback(random: Random, context: FeedbackContext): Promise<FeedbackResult> {
  const { db, workspaceId, now } = context;
  const surveys = await ensureDemoSurveys(db, workspaceId, context.teamIds);
  const resolutions = await resolutionsAfter(db, workspaceId, {
    after: { at: new Date(0).toISOString(), id: NIL_ID },
    from: context.windowStart,
    until: now,
    limit: 1_000_000,
  });
  const items = [
    ...resolutions.flatMap((resolution) => afterResolution(random, context, surveys, resolution)),
    ...relationshipNps(random, context, surveys.nps),
  ];
  const written = await db.transaction(async (tx) => {
    const result = await recordPastFeedback(tx, workspaceId, items);
    for (const survey of [surveys.csat, surveys.ces]) await skipResolutionsUntil(tx, workspaceId, survey.row.id, now);
    return result;
  });
  return { surveys: 3, invitations: written.invitations, skipped: written.skipped, responses: written.answered };
}
