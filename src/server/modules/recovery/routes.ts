import { z } from 'zod';
import { IdParams, page } from '../../../shared/contracts/common.ts';
import { Conversation } from '../../../shared/contracts/conversations.ts';
import {
  CloseRecoveryCaseInput,
  CreateActionItemInput,
  EscalateInput,
  Escalation,
  FollowUpInput,
  OpenRecoveryCaseInput,
  Playbook,
  PlaybookLanguageParams,
  RecoveryActionItem,
  RecoveryCase,
  RecoveryCaseDetail,
  RecoveryCaseListQuery,
  RecoverySettings,
  SetStepInput,
  StepParams,
  UpdateActionItemInput,
  UpdatePlaybookInput,
  UpdateRecoveryCaseInput,
  UpdateRecoverySettingsInput,
} from '../../../shared/contracts/recovery.ts';
import { Invitation } from '../../../shared/contracts/surveys.ts';
import type { Auth } from '../../http/route.ts';
import { defineRoute } from '../../http/route.ts';
import type { Actor } from '../conversations/events.ts';
import { getConversation } from '../conversations/service.ts';
import { addActionItem, deleteActionItem, updateActionItem } from './action-items.ts';
import { closeCase, setStep, updateCase } from './changes.ts';
import { getCaseDetail } from './detail.ts';
import { escalateConversation, listEscalations } from './escalations.ts';
import { sendFollowUp } from './follow-up.ts';
import { listCases } from './list.ts';
import { openOrJoinCase } from './service.ts';
import { getRecoverySettings, listPlaybooks, putPlaybook, putRecoverySettings, resetPlaybook } from './settings.ts';

/** A member acts as themselves; an API key acts as the system on behalf of its workspace. */
const actorOf = (auth: Auth): Actor => (auth.userId ? { type: 'user', id: auth.userId } : { type: 'system', id: null });
const tags = ['Service recovery'];
const escalationTags = ['Escalation'];

export const recoveryRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/recovery/settings',
    summary:
      'How negative feedback opens recovery cases: thresholds, first-contact due time, calendar, follow-up survey',
    tags,
    auth: 'member',
    action: 'read',
    response: RecoverySettings,
    handler: ({ app, auth }) => getRecoverySettings(app.db, auth.workspaceId),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/recovery/settings',
    summary: 'Replace the recovery settings (fields left out take their defaults)',
    description:
      'An answer opens a case when CSAT ≤ csatMax (default 2), NPS ≤ npsMax (6: detractors), CES 2.0 ≤ ces7Max (3) or CES effort ≥ ces5Min (4). The first contact is due firstContactSeconds business seconds (default 4 hours) after the answer, on calendarId or else the conversation’s calendar.',
    tags,
    auth: 'member',
    action: 'manage',
    body: UpdateRecoverySettingsInput,
    response: RecoverySettings,
    handler: ({ app, auth, body }) => putRecoverySettings(app.db, auth.workspaceId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/recovery/playbooks',
    summary:
      'The checklist a case starts with, per language (Japanese and English always, Koe’s defaults until edited)',
    tags,
    auth: 'member',
    action: 'read',
    response: z.object({ data: z.array(Playbook) }),
    handler: async ({ app, auth }) => ({ data: await listPlaybooks(app.db, auth.workspaceId) }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/recovery/playbooks/{language}',
    summary: 'Replace the playbook of a language; new cases in that language start with these steps',
    description:
      'Each step has a stable key and a label; the step with key "contact" records the first contact and must stay.',
    tags,
    auth: 'member',
    action: 'manage',
    params: PlaybookLanguageParams,
    body: UpdatePlaybookInput,
    response: Playbook,
    handler: ({ app, auth, params, body }) => putPlaybook(app.db, auth.workspaceId, params.language, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/recovery/playbooks/{language}',
    summary: 'Go back to Koe’s default playbook for a language',
    tags,
    auth: 'member',
    action: 'manage',
    params: PlaybookLanguageParams,
    response: Playbook,
    handler: ({ app, auth, params }) => resetPlaybook(app.db, auth.workspaceId, params.language),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/recovery/cases',
    summary: 'Recovery cases, newest first: the board and the drill-downs of the recovery figures',
    description:
      'Filters: status, source, outcome (comma-separated), owner (id, me, none), teamId, channel, tag, contactId, conversationId, overdue (first contact missed its due time), contacted, and from/to (local dates) on period = opened (default), contacted or closed.',
    tags,
    auth: 'member',
    action: 'read',
    query: RecoveryCaseListQuery,
    response: page(RecoveryCase),
    handler: ({ app, auth, query }) => listCases(app.db, auth.workspaceId, auth.userId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/recovery/cases',
    summary: 'Open a case by hand from a conversation (any channel, reviews too) or for a customer',
    description:
      'When the conversation already has an open case, the reason joins that case (200) instead of opening a second one (201).',
    tags,
    auth: 'member',
    action: 'work',
    body: OpenRecoveryCaseInput,
    response: RecoveryCaseDetail,
    status: 201,
    async handler({ app, auth, body, reply }) {
      const { detail, joined } = await app.db.transaction(async (tx) => {
        const opened = await openOrJoinCase(tx, auth.workspaceId, body, actorOf(auth));
        return { detail: await getCaseDetail(tx, auth.workspaceId, opened.row.id), joined: opened.joined };
      });
      if (joined) return reply.code(200).send(detail);
      return detail;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/recovery/cases/{id}',
    summary: 'One case: playbook, action items, every step, the answer that opened it, its conversation and follow-up',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: RecoveryCaseDetail,
    handler: ({ app, auth, params }) => app.db.transaction((tx) => getCaseDetail(tx, auth.workspaceId, params.id)),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/recovery/cases/{id}',
    summary: 'Move a case on the board (new → contacted → action → follow_up → closed), change its owner or causes',
    description:
      'Closing needs an outcome (400 naming body.outcome without one); moving a closed case back reopens it. Moving past new checks the contact step (the first contact).',
    tags,
    auth: 'member',
    action: 'work',
    params: IdParams,
    body: UpdateRecoveryCaseInput,
    response: RecoveryCaseDetail,
    handler: ({ app, auth, params, body }) =>
      app.db.transaction(async (tx) => {
        await updateCase(tx, auth.workspaceId, params.id, body, actorOf(auth));
        return getCaseDetail(tx, auth.workspaceId, params.id);
      }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/recovery/cases/{id}/steps/{key}',
    summary: 'Check or uncheck a playbook step ({ done }); checking "contact" records the first contact',
    tags,
    auth: 'member',
    action: 'work',
    params: StepParams,
    body: SetStepInput,
    response: RecoveryCaseDetail,
    handler: ({ app, auth, params, body }) =>
      app.db.transaction(async (tx) => {
        await setStep(tx, auth.workspaceId, params.id, params.key, body.done, actorOf(auth));
        return getCaseDetail(tx, auth.workspaceId, params.id);
      }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/recovery/cases/{id}/action-items',
    summary: 'Add an action item agreed with the customer (title, owner, due date)',
    tags,
    auth: 'member',
    action: 'work',
    params: IdParams,
    body: CreateActionItemInput,
    response: RecoveryActionItem,
    status: 201,
    handler: ({ app, auth, params, body }) =>
      app.db.transaction((tx) => addActionItem(tx, auth.workspaceId, params.id, body, actorOf(auth))),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/recovery/action-items/{id}',
    summary: 'Change an action item or mark it done',
    tags,
    auth: 'member',
    action: 'work',
    params: IdParams,
    body: UpdateActionItemInput,
    response: RecoveryActionItem,
    handler: ({ app, auth, params, body }) =>
      app.db.transaction((tx) => updateActionItem(tx, auth.workspaceId, params.id, body, actorOf(auth))),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/recovery/action-items/{id}',
    summary: 'Remove an action item',
    tags,
    auth: 'member',
    action: 'work',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) =>
      app.db.transaction((tx) => deleteActionItem(tx, auth.workspaceId, params.id, actorOf(auth))),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/recovery/cases/{id}/follow-up',
    summary: 'Re-survey the customer; the answer sets the outcome (recovered / not recovered) and closes the case',
    description:
      'Recovered when the follow-up score is out of the negative band and better than the original (compared by place on the scale); otherwise not recovered. Email by default when the customer has an address, else a personal link.',
    tags,
    auth: 'member',
    action: 'work',
    params: IdParams,
    body: FollowUpInput,
    response: z.object({ case: RecoveryCaseDetail, invitation: Invitation }),
    handler: ({ app, auth, params, body }) => sendFollowUp(app, auth.workspaceId, params.id, body, actorOf(auth)),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/recovery/cases/{id}/close',
    summary: 'Close a case with its outcome: recovered, not_recovered or unreachable, and an optional note',
    tags,
    auth: 'member',
    action: 'work',
    params: IdParams,
    body: CloseRecoveryCaseInput,
    response: RecoveryCaseDetail,
    handler: ({ app, auth, params, body }) =>
      app.db.transaction(async (tx) => {
        await closeCase(tx, auth.workspaceId, params.id, body, actorOf(auth));
        return getCaseDetail(tx, auth.workspaceId, params.id);
      }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conversations/{id}/escalate',
    summary:
      'Escalate a conversation to a team or a person with a reason; the next tier (agent → senior → manager) by default',
    description:
      'Without a person, the conversation goes to the team’s member at that tier, else its manager, else a workspace manager. The path is kept (GET …/escalations) and conversation.escalated is emitted.',
    tags: escalationTags,
    auth: 'member',
    action: 'work',
    params: IdParams,
    body: EscalateInput,
    response: z.object({ escalation: Escalation, conversation: Conversation }),
    status: 201,
    handler: ({ app, auth, params, body }) =>
      app.db.transaction(async (tx) => {
        const escalation = await escalateConversation(tx, auth.workspaceId, params.id, body, actorOf(auth));
        return { escalation, conversation: await getConversation(tx, auth.workspaceId, params.id) };
      }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conversations/{id}/escalations',
    summary: 'The escalation path of a conversation, oldest first: tiers, people, teams and reasons',
    tags: escalationTags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: z.object({ data: z.array(Escalation) }),
    handler: async ({ app, auth, params }) => ({ data: await listEscalations(app.db, auth.workspaceId, params.id) }),
  }),
];
