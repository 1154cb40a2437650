import { RESURVEY_STEP } from '../../../shared/contracts/recovery.ts';
import { isNegativeScore, isRecoveryScale, judgeOutcome } from '../../../shared/recovery/rules.ts';
import type { Tx } from '../../db/client.ts';
import { getConversation } from '../conversations/service.ts';
import type { EventHandler } from '../events/dispatch.ts';
import type { DomainEventRow } from '../events/emit.ts';
import { getResponse } from '../surveys/response-queries.ts';
import { CaseChange } from './changes.ts';
import { type CaseActor, type CaseRow, SYSTEM_ACTOR } from './log.ts';
import { caseOfResponse, getCaseRow, lockCaseOpening, openCaseOfConversation } from './queries.ts';
import { insertCase, joinCase, mergeTags } from './service.ts';
import { getRecoverySettings } from './settings.ts';

/** What `survey.answered` carries (src/server/modules/surveys/answer-writes.ts). */
interface Answered {
  surveyId: string;
  invitationId: string;
  kind: string;
  score: number | null;
  comment: string | null;
  first: boolean;
  channel: string | null;
  delivery: string;
  recoveryCaseId: string | null;
}

/** The step an answer caused is the contact's; what recovery does with it, the system's. */
const actorOf = (event: DomainEventRow): CaseActor =>
  event.originRuleId ? { type: 'automation', id: event.originRuleId } : SYSTEM_ACTOR;

/**
 * A follow-up answer (its invitation carries the case): records the score and, when the
 * score can measure it, the outcome (shared/recovery/rules.ts judgeOutcome: recovered when
 * out of the negative band and better than the original) and closes the case. Answering
 * again re-measures; a measured outcome replaces one set by hand.
 */
async function followUpAnswered(tx: Tx, event: DomainEventRow, answer: Answered): Promise<void> {
  // The opening lock before any case row, always: the order every writer takes them in.
  await lockCaseOpening(tx, event.workspaceId);
  const row = await getCaseRow(tx, event.workspaceId, answer.recoveryCaseId as string, true).catch(() => null);
  if (!row) return;
  const settings = await getRecoverySettings(tx, event.workspaceId);
  const outcome = judgeOutcome(
    { kind: row.triggerKind, score: row.triggerScore },
    { kind: answer.kind, score: answer.score },
    settings.thresholds,
  );
  const at = event.occurredAt;
  const change = new CaseChange(row, actorOf(event), at);
  change.set({ outcomeScore: answer.score });
  change.log('follow_up_answered', {
    responseId: event.subjectId,
    kind: answer.kind,
    score: answer.score,
    comment: answer.comment,
    outcome,
    ...(answer.first ? {} : { updated: true }),
  });
  change.step(RESURVEY_STEP, true);
  const wasClosed = row.status === 'closed';
  if (outcome && (outcome !== row.outcome || !wasClosed)) {
    change.set({ outcome, closedAt: wasClosed ? row.closedAt : at });
    change.status('closed');
    change.log('closed', { outcome, measured: true, ...(wasClosed ? { changed: true } : {}) });
  }
  await change.save(tx, !wasClosed && change.row.status === 'closed');
}

/** An answer updated after it opened or joined a case (the comment often comes after the score). */
async function triggerUpdated(tx: Tx, row: CaseRow, event: DomainEventRow, answer: Answered): Promise<void> {
  if (row.responseId !== event.subjectId) return;
  const score = answer.score;
  if (score === row.triggerScore && answer.comment === row.triggerComment) return;
  const change = new CaseChange(row, actorOf(event), event.occurredAt);
  change.set({ triggerScore: score, triggerComment: answer.comment });
  change.log('trigger_updated', { score, comment: answer.comment, previousScore: row.triggerScore });
  await change.save(tx);
}

/**
 * A negative answer (per the workspace's thresholds) opens a case — or joins the open
 * case of the same conversation — owned by the team's support manager, with the playbook
 * of the answer's language and a first-contact due time in business hours from the answer.
 */
async function answered(tx: Tx, event: DomainEventRow, answer: Answered): Promise<void> {
  const workspaceId = event.workspaceId;
  const responseId = event.subjectId;
  if (!responseId || !event.contactId) return;
  const settings = await getRecoverySettings(tx, workspaceId);
  if (!settings.enabled) return;
  const kind = answer.kind;
  const negative = isRecoveryScale(kind) && isNegativeScore(kind, answer.score, settings.thresholds);
  // A first answer that is not negative has no case to update: nothing to lock or read.
  if (answer.first && !negative) return;
  await lockCaseOpening(tx, workspaceId);
  const existing = await caseOfResponse(tx, workspaceId, responseId);
  if (existing) return triggerUpdated(tx, existing, event, answer);
  if (!negative || !isRecoveryScale(kind)) return;
  const actor = actorOf(event);
  const at = event.occurredAt;
  const joinedAnswer = { responseId, kind: answer.kind, score: answer.score, comment: answer.comment };
  if (event.conversationId) {
    const open = await openCaseOfConversation(tx, workspaceId, event.conversationId, true);
    if (open) {
      await joinCase(tx, open, { answer: joinedAnswer }, actor, at);
      return;
    }
  }
  const response = await getResponse(tx, workspaceId, responseId).catch(() => null);
  if (!response) return;
  const conversation = event.conversationId
    ? await getConversation(tx, workspaceId, event.conversationId).catch(() => null)
    : null;
  await insertCase(
    tx,
    workspaceId,
    {
      contactId: event.contactId,
      conversationId: conversation?.id ?? null,
      responseId,
      source: kind,
      trigger: { kind, score: answer.score, comment: answer.comment },
      reason: '',
      ownerId: null,
      teamId: response.teamId ?? conversation?.teamId ?? null,
      channel: response.channel ?? conversation?.channel ?? answer.channel ?? null,
      language: response.language,
      tags: mergeTags(conversation?.tags),
    },
    actor,
    at,
    { responseId, surveyId: answer.surveyId, comment: answer.comment },
  );
}

/** Recovery's consumer of domain events: first in line, so rules see the case it opens. */
export const recoveryEventHandler: EventHandler = {
  name: 'recovery',
  // Only answers of known contacts can open or move a case.
  wants: (_tx, event) => event.type === 'survey.answered' && event.subjectId !== null && event.contactId !== null,
  async handle(tx, event) {
    if (event.type !== 'survey.answered') return;
    const answer = event.data as unknown as Answered;
    if (answer.recoveryCaseId) await followUpAnswered(tx, event, answer);
    else await answered(tx, event, answer);
  },
};
