import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { CreateMessageInput, Message, MessageKind } from '../../../shared/contracts/conversations.ts';
import { toTsvectorLiteral } from '../../../shared/search.ts';
import type { Tx } from '../../db/client.ts';
import { conversationCycles, messages } from '../../db/schema/index.ts';
import { badRequest } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { newId } from '../../lib/id.ts';
import { businessSecondsFor } from '../calendars/resolver.ts';
import { memberExists } from '../workspaces/service.ts';
import { type Actor, actorNames, type NewEvent, recordEvents } from './events.ts';
import {
  type ConversationRow,
  changeStatus,
  lockConversation,
  reopen,
  saveConversation,
  seconds,
} from './lifecycle.ts';
import { presentMessage } from './presenters.ts';

const PREVIEW_CHARS = 200;
const BOT: Actor = { type: 'bot', id: null };

/** Who wrote a message of this kind: the customer, the acting member, or a bot. */
export function authorOf(kind: MessageKind, row: ConversationRow, actor: Actor, authorId: string | undefined): Actor {
  if (kind === 'customer') return { type: 'contact', id: row.contactId };
  if (kind === 'bot') return { type: 'bot', id: null };
  if (authorId) return { type: 'user', id: authorId };
  // A rule's note is the rule's (shown with its name; its events carry the loop guard's mark).
  return actor.type === 'user' || actor.type === 'automation' ? actor : { type: 'user', id: null };
}

/**
 * Adds a message inside an open transaction and keeps the milestones true:
 * a customer message on a resolved conversation reopens it (new care cycle) and
 * starts the wait; the first public human reply of a cycle is its first response;
 * notes and bot messages never count as a response.
 */
export async function appendMessage(
  tx: Tx,
  workspaceId: string,
  row: ConversationRow,
  actor: Actor,
  input: CreateMessageInput,
  at: Date,
): Promise<{ message: typeof messages.$inferSelect; events: NewEvent[] }> {
  const author = authorOf(input.kind, row, actor, input.authorId);
  if (input.authorId && input.kind !== 'customer' && input.kind !== 'bot') {
    if (!(await memberExists(tx, workspaceId, input.authorId))) {
      throw badRequest('body.authorId', 'is not a member of this workspace');
    }
  }
  const events: NewEvent[] = [];
  if (input.kind === 'customer' && (row.status === 'resolved' || row.status === 'closed')) {
    events.push(...(await changeStatus(tx, workspaceId, row, 'open', author, at)));
  } else if (input.kind === 'customer' && row.status === 'pending') {
    events.push(...(await changeStatus(tx, workspaceId, row, 'open', author, at)));
  }
  // A public human reply records how long the customer had waited for it (reply time).
  const waitSeconds = input.kind === 'reply' && row.waitingSince ? seconds(row.waitingSince, at) : null;
  const waitBusinessSeconds =
    input.kind === 'reply' && row.waitingSince
      ? await businessSecondsFor(tx, workspaceId, row, row.waitingSince, at)
      : null;
  const [message] = await tx
    .insert(messages)
    .values({
      workspaceId,
      id: newId(at.getTime()),
      conversationId: row.id,
      cycle: row.cycle,
      kind: input.kind,
      authorType: author.type,
      authorId: author.id,
      contactId: row.contactId,
      body: input.body,
      externalId: input.externalId ?? null,
      waitSeconds,
      waitBusinessSeconds,
      searchVector: toTsvectorLiteral(input.body),
      createdAt: at,
    })
    .returning();
  if (!message) throw new Error('message insert returned nothing');
  const cycleWhere = and(
    eq(conversationCycles.workspaceId, workspaceId),
    eq(conversationCycles.conversationId, row.id),
    eq(conversationCycles.cycle, row.cycle),
  );
  const base = { conversationId: row.id, cycle: row.cycle, actor: author, at };
  const data = { messageId: message.id };
  if (input.kind === 'customer') {
    row.waitingSince ??= at;
    await tx
      .update(conversationCycles)
      .set({ inboundMessages: sql`${conversationCycles.inboundMessages} + 1` })
      .where(cycleWhere);
    events.push({ ...base, type: 'message_inbound', data });
  } else if (input.kind === 'reply') {
    const waitedSeconds = waitSeconds;
    const cycleUpdate: Partial<typeof conversationCycles.$inferInsert> = {};
    if (!row.firstResponseAt) {
      const firstResponseSeconds = seconds(row.cycleStartedAt, at);
      const firstResponseBusinessSeconds = await businessSecondsFor(tx, workspaceId, row, row.cycleStartedAt, at);
      row.firstResponseAt = at;
      Object.assign(cycleUpdate, {
        firstResponseAt: at,
        firstResponderId: author.id,
        firstResponseSeconds,
        firstResponseBusinessSeconds,
      });
      events.push({ ...base, type: 'first_response', data: { ...data, responderId: author.id, firstResponseSeconds } });
    }
    await tx
      .update(conversationCycles)
      .set({ ...cycleUpdate, publicReplies: sql`${conversationCycles.publicReplies} + 1` })
      .where(cycleWhere);
    row.waitingSince = null;
    events.push({ ...base, type: 'message_outbound', data: { ...data, waitedSeconds } });
  } else if (input.kind === 'note') {
    events.push({ ...base, type: 'note_added', data });
  } else {
    events.push({ ...base, type: 'bot_message', data });
  }
  if (input.kind !== 'note') {
    row.preview = input.body.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_CHARS);
    row.lastMessageAt = at;
  }
  row.messageCount += 1;
  return { message, events };
}

export async function addMessage(
  /** The database, or a transaction to join (automation rules add notes inside the event dispatch). */
  db: Tx,
  workspaceId: string,
  conversationId: string,
  actor: Actor,
  input: CreateMessageInput,
): Promise<Message> {
  return db.transaction(async (tx) => {
    const at = input.createdAt ? new Date(input.createdAt) : new Date();
    const row = await lockConversation(tx, workspaceId, conversationId);
    const { message, events } = await appendMessage(tx, workspaceId, row, actor, input, at);
    if (input.status) events.push(...(await changeStatus(tx, workspaceId, row, input.status, actor, at)));
    await saveConversation(tx, row, at);
    await recordEvents(tx, workspaceId, events);
    const names = await actorNames(tx, workspaceId, [{ type: message.authorType, id: message.authorId }]);
    return presentMessage(message, message.authorId ? (names.get(message.authorId) ?? null) : null);
  });
}

/**
 * An automated public message (e.g. a survey link after resolution) inside the caller's
 * transaction. Like every bot message it is no response and reopens nothing.
 */
export async function postBotMessage(
  tx: Tx,
  workspaceId: string,
  conversationId: string,
  body: string,
  at: Date,
): Promise<string> {
  const row = await lockConversation(tx, workspaceId, conversationId);
  const { message, events } = await appendMessage(tx, workspaceId, row, BOT, { kind: 'bot', body }, at);
  await saveConversation(tx, row, at);
  await recordEvents(tx, workspaceId, events);
  return message.id;
}

export async function listMessages(
  tx: Tx,
  workspaceId: string,
  conversationId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Message>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await tx
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.conversationId, conversationId),
        cursor
          ? or(
              gt(messages.createdAt, new Date(cursor.at)),
              and(eq(messages.createdAt, new Date(cursor.at)), gt(messages.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  const names = await actorNames(
    tx,
    workspaceId,
    page.data.map((r) => ({ type: r.authorType, id: r.authorId })),
  );
  return {
    data: page.data.map((r) => presentMessage(r, r.authorId ? (names.get(r.authorId) ?? null) : null)),
    nextCursor: page.nextCursor,
  };
}

export { reopen };
