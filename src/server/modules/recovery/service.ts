import type {
  PlaybookStep,
  PlaybookStepState,
  RecoveryCase,
  RecoverySource,
} from '../../../shared/contracts/recovery.ts';
import type { Tx } from '../../db/client.ts';
import { recoveryCases } from '../../db/schema/index.ts';
import { badRequest } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import type { Actor } from '../conversations/events.ts';
import { getConversation } from '../conversations/service.ts';
import { getContactRow } from '../customers/contacts.ts';
import { getWorkspace, memberExists } from '../workspaces/service.ts';
import { caseCalendar, dueAfter } from './calendar.ts';
import { caseKey } from './keys.ts';
import { type CaseActor, type CaseRow, logCase } from './log.ts';
import { defaultCaseOwner } from './owners.ts';
import { getCaseRow, lockCaseOpening, nextCaseNumber, openCaseOfConversation, presentOne } from './queries.ts';
import { getRecoverySettings, playbookFor } from './settings.ts';

export const toStates = (steps: PlaybookStep[]): PlaybookStepState[] =>
  steps.map((step) => ({ key: step.key, label: step.label, doneAt: null, doneBy: null }));

export const mergeTags = (...lists: (readonly string[] | null | undefined)[]) => [
  ...new Set(lists.flatMap((list) => list ?? [])),
];

/** Everything a new case needs; owner, due time and playbook are worked out by `insertCase`. */
export interface NewCase {
  contactId: string;
  conversationId: string | null;
  responseId: string | null;
  source: RecoverySource;
  trigger: { kind: string | null; score: number | null; comment: string | null };
  reason: string;
  ownerId: string | null;
  teamId: string | null;
  channel: string | null;
  language: string;
  tags: string[];
}

/**
 * Writes a new case with the next number: the owner given or the default one (the team's
 * support manager…), the playbook of its language, and the first-contact due time counted
 * in business hours from `at`. The caller holds lockCaseOpening.
 */
export async function insertCase(
  tx: Tx,
  workspaceId: string,
  input: NewCase,
  actor: CaseActor,
  at: Date,
  extra: Record<string, unknown> = {},
): Promise<CaseRow> {
  const settings = await getRecoverySettings(tx, workspaceId);
  const ownerId = input.ownerId ?? (await defaultCaseOwner(tx, workspaceId, input.teamId));
  const calendar = await caseCalendar(tx, workspaceId, {
    calendarId: settings.calendarId,
    teamId: input.teamId,
    channel: input.channel,
  });
  const [row] = await tx
    .insert(recoveryCases)
    .values({
      workspaceId,
      id: newId(at.getTime()),
      number: await nextCaseNumber(tx, workspaceId),
      contactId: input.contactId,
      conversationId: input.conversationId,
      responseId: input.responseId,
      source: input.source,
      triggerKind: input.trigger.kind,
      triggerScore: input.trigger.score,
      triggerComment: input.trigger.comment,
      reason: input.reason,
      status: 'new',
      ownerId,
      teamId: input.teamId,
      channel: input.channel,
      language: input.language,
      tags: input.tags,
      playbook: toStates(await playbookFor(tx, workspaceId, input.language)),
      dueAt: dueAfter(calendar, at, settings.firstContactSeconds),
      openedAt: at,
      createdBy: actor.type === 'user' ? actor.id : null,
      updatedAt: at,
    })
    .returning();
  if (!row) throw new Error('recovery case insert returned nothing');
  await logCase(
    tx,
    row,
    actor,
    at,
    [
      {
        type: 'opened',
        data: {
          source: row.source,
          reason: row.reason,
          ownerId: row.ownerId,
          dueAt: row.dueAt.toISOString(),
          score: row.triggerScore,
          kind: row.triggerKind,
          ...extra,
        },
      },
    ],
    'recovery.opened',
  );
  return row;
}

export interface OpenCaseInput {
  conversationId?: string | null | undefined;
  contactId?: string | undefined;
  reason: string;
  ownerId?: string | null | undefined;
  tags?: string[] | undefined;
}

/**
 * Opens a case by hand (or by an automation rule) for a conversation of any channel —
 * reviews too — or for a customer; a conversation's open case is joined instead of
 * opening a second one. Bad references are 400s naming the field.
 */
export async function openOrJoinCase(
  tx: Tx,
  workspaceId: string,
  input: OpenCaseInput,
  actor: CaseActor,
  at = new Date(),
): Promise<{ row: CaseRow; joined: boolean }> {
  const conversation = input.conversationId
    ? await getConversation(tx, workspaceId, input.conversationId).catch(() => {
        throw badRequest('body.conversationId', 'is not a conversation of this workspace');
      })
    : null;
  if (input.contactId && conversation && input.contactId !== conversation.contactId) {
    throw badRequest('body.contactId', 'is not the customer of the conversation');
  }
  const contactId = conversation?.contactId ?? input.contactId;
  if (!contactId) throw badRequest('body.conversationId', 'needs conversationId or contactId');
  const contact = await getContactRow(tx, workspaceId, contactId).catch(() => {
    throw badRequest('body.contactId', 'is not a contact of this workspace');
  });
  if (input.ownerId && !(await memberExists(tx, workspaceId, input.ownerId))) {
    throw badRequest('body.ownerId', 'is not a member of this workspace');
  }
  await lockCaseOpening(tx, workspaceId);
  if (conversation) {
    const open = await openCaseOfConversation(tx, workspaceId, conversation.id, true);
    if (open)
      return { row: await joinCase(tx, open, { reason: input.reason, tags: input.tags }, actor, at), joined: true };
  }
  const language = conversation?.language ?? contact.locale ?? (await getWorkspace(tx, workspaceId)).defaultLocale;
  const row = await insertCase(
    tx,
    workspaceId,
    {
      contactId,
      conversationId: conversation?.id ?? null,
      responseId: null,
      source: 'manual',
      trigger: { kind: null, score: null, comment: null },
      reason: input.reason,
      ownerId: input.ownerId ?? null,
      teamId: conversation?.teamId ?? null,
      channel: conversation?.channel ?? null,
      language,
      tags: mergeTags(conversation?.tags, input.tags),
    },
    actor,
    at,
  );
  return { row, joined: false };
}

/** A second reason (a bad answer, a person) about the same issue: recorded on the open case. */
export async function joinCase(
  tx: Tx,
  row: CaseRow,
  input: {
    reason?: string;
    tags?: string[] | undefined;
    answer?: { responseId: string; kind: string; score: number | null; comment: string | null };
  },
  actor: CaseActor,
  at: Date,
): Promise<CaseRow> {
  const fields: Partial<CaseRow> = { updatedAt: at };
  const tags = mergeTags(row.tags, input.tags);
  if (tags.length !== row.tags.length) fields.tags = tags;
  // A case opened by hand takes the first answer as its trigger, so its outcome can be measured.
  if (input.answer && row.triggerScore === null && row.responseId === null) {
    Object.assign(fields, {
      responseId: input.answer.responseId,
      triggerKind: input.answer.kind,
      triggerScore: input.answer.score,
      triggerComment: input.answer.comment,
    });
  }
  const [updated] = await tx.update(recoveryCases).set(fields).where(caseKey(row)).returning();
  const next = updated ?? row;
  await logCase(
    tx,
    next,
    actor,
    at,
    [{ type: 'joined', data: { ...(input.reason ? { reason: input.reason } : {}), ...(input.answer ?? {}) } }],
    'recovery.updated',
  );
  return next;
}

/**
 * For automation rules and other modules: opens a case for a conversation or a customer,
 * or joins the conversation's open case, inside the caller's transaction.
 */
export async function openRecoveryCase(
  tx: Tx,
  workspaceId: string,
  input: { conversationId?: string | null; contactId?: string; reason: string; ownerId?: string | null },
  actor: Actor,
): Promise<RecoveryCase> {
  const { row } = await openOrJoinCase(tx, workspaceId, input, actor);
  return presentOne(tx, workspaceId, await getCaseRow(tx, workspaceId, row.id));
}
