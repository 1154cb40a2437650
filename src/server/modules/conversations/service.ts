import { and, arrayContains, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type {
  Conversation,
  ConversationListQuery,
  CreateConversationInput,
  UpdateConversationInput,
} from '../../../shared/contracts/conversations.ts';
import { toTsqueryLiteral, toTsvectorLiteral } from '../../../shared/search.ts';
import type { Db, Tx } from '../../db/client.ts';
import { retryOnConflict } from '../../db/retry.ts';
import { contactIdentities, contacts, conversationCycles, conversations, messages } from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { newId } from '../../lib/id.ts';
import { resolveCustomer } from '../customers/contacts.ts';
import { afterSlaCursor, slaCursorOf, slaDueOrder, slaListCondition } from '../sla/list.ts';
import { slaOfConversations } from '../sla/targets.ts';
import { memberExists } from '../workspaces/service.ts';
import { teamExists } from '../workspaces/teams.ts';
import { type Actor, type NewEvent, recordEvents } from './events.ts';
import { changeStatus, lockConversation, saveConversation } from './lifecycle.ts';
import { appendMessage } from './messages.ts';
import { presentConversation } from './presenters.ts';

async function assertAssignment(
  tx: Tx,
  workspaceId: string,
  input: { assigneeId?: string | null | undefined; teamId?: string | null | undefined },
): Promise<void> {
  if (input.assigneeId && !(await memberExists(tx, workspaceId, input.assigneeId))) {
    throw badRequest('body.assigneeId', 'is not a member of this workspace');
  }
  if (input.teamId && !(await teamExists(tx, workspaceId, input.teamId))) {
    throw badRequest('body.teamId', 'is not a team of this workspace');
  }
}

async function present(
  tx: Tx,
  workspaceId: string,
  rows: (typeof conversations.$inferSelect)[],
): Promise<Conversation[]> {
  const ids = [...new Set(rows.map((r) => r.contactId))];
  const people = ids.length
    ? await tx
        .select({
          id: contacts.id,
          name: contacts.name,
          email: sql<
            string | null
          >`(select i.value from ${contactIdentities} i where i.workspace_id = "contacts"."workspace_id" and i.contact_id = "contacts"."id" and i.kind = 'email' order by i.position limit 1)`,
        })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, ids)))
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const sla = await slaOfConversations(
    tx,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const clocks = sla.get(r.id);
    return presentConversation(r, byId.get(r.contactId) ?? null, {
      slaDueAt: clocks?.dueAt ?? null,
      slaTargets: clocks?.targets ?? [],
    });
  });
}

export async function getConversation(tx: Tx, workspaceId: string, conversationId: string): Promise<Conversation> {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)))
    .limit(1);
  if (!row) throw notFound('Conversation');
  const [conversation] = await present(tx, workspaceId, [row]);
  if (!conversation) throw notFound('Conversation');
  return conversation;
}

export async function createConversation(
  db: Db,
  workspaceId: string,
  actor: Actor,
  input: CreateConversationInput,
): Promise<Conversation> {
  return retryOnConflict(() =>
    db.transaction(async (tx) => {
      const at = input.createdAt ? new Date(input.createdAt) : new Date();
      await assertAssignment(tx, workspaceId, input);
      const contact = await resolveCustomer(tx, workspaceId, input.customer, at);
      const contactId = contact.id;
      const id = newId(at.getTime());
      const [row] = await tx
        .insert(conversations)
        .values({
          workspaceId,
          id,
          channel: input.channel,
          status: 'open',
          priority: input.priority,
          subject: input.subject,
          contactId,
          companyId: contact.companyId,
          assigneeId: input.assigneeId ?? null,
          teamId: input.teamId ?? null,
          tags: [...new Set(input.tags)],
          language: input.language ?? contact.locale,
          externalId: input.externalId ?? null,
          cycleStartedAt: at,
          lastActivityAt: at,
          searchVector: toTsvectorLiteral(input.subject),
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (!row) throw new Error('conversation insert returned nothing');
      await tx.insert(conversationCycles).values({
        workspaceId,
        conversationId: id,
        cycle: 1,
        startedAt: at,
        assigneeId: row.assigneeId,
        teamId: row.teamId,
      });
      const events: NewEvent[] = [
        { conversationId: id, cycle: 1, type: 'created', actor, at, data: { channel: input.channel } },
      ];
      if (row.assigneeId) {
        events.push({
          conversationId: id,
          cycle: 1,
          type: 'assigned',
          actor,
          at,
          data: { from: null, to: row.assigneeId },
        });
      }
      if (input.message) {
        const appended = await appendMessage(
          tx,
          workspaceId,
          row,
          actor,
          { kind: 'customer', body: input.message.body },
          at,
        );
        events.push(...appended.events);
      }
      if (input.status && input.status !== 'open') {
        events.push(...(await changeStatus(tx, workspaceId, row, input.status, actor, at)));
      }
      await saveConversation(tx, row, at);
      await recordEvents(tx, workspaceId, events);
      const [conversation] = await present(tx, workspaceId, [{ ...row, lastActivityAt: at, updatedAt: at }]);
      if (!conversation) throw notFound('Conversation');
      return conversation;
    }),
  );
}

export async function updateConversation(
  /** The database, or a transaction to join (automation rules act inside the event dispatch). */
  db: Tx,
  workspaceId: string,
  conversationId: string,
  actor: Actor,
  input: UpdateConversationInput,
  /** When the change happened; defaults to now (imports and the demo replay history). */
  at: Date = new Date(),
): Promise<Conversation> {
  return db.transaction(async (tx) => {
    const row = await lockConversation(tx, workspaceId, conversationId);
    await assertAssignment(tx, workspaceId, input);
    const events: NewEvent[] = [];
    const event = (type: NewEvent['type'], data: Record<string, unknown>) =>
      events.push({ conversationId, cycle: row.cycle, type, actor, at, data });
    if (input.status !== undefined) events.push(...(await changeStatus(tx, workspaceId, row, input.status, actor, at)));
    const cycleFields: Partial<typeof conversationCycles.$inferInsert> = {};
    if (input.assigneeId !== undefined && input.assigneeId !== row.assigneeId) {
      event('assigned', { from: row.assigneeId, to: input.assigneeId });
      row.assigneeId = input.assigneeId;
      cycleFields.assigneeId = input.assigneeId;
    }
    if (input.teamId !== undefined && input.teamId !== row.teamId) {
      event('team_changed', { from: row.teamId, to: input.teamId });
      row.teamId = input.teamId;
      cycleFields.teamId = input.teamId;
    }
    if (input.priority !== undefined && input.priority !== row.priority) {
      event('priority_changed', { from: row.priority, to: input.priority });
      row.priority = input.priority;
    }
    if (input.subject !== undefined && input.subject !== row.subject) {
      event('subject_changed', { from: row.subject, to: input.subject });
      row.subject = input.subject;
      row.searchVector = toTsvectorLiteral(input.subject);
    }
    if (input.tags !== undefined) {
      const tags = [...new Set(input.tags)];
      const added = tags.filter((t) => !row.tags.includes(t));
      const removed = row.tags.filter((t) => !tags.includes(t));
      if (added.length || removed.length) event('tags_changed', { added, removed });
      row.tags = tags;
    }
    if (Object.keys(cycleFields).length > 0) {
      await tx
        .update(conversationCycles)
        .set(cycleFields)
        .where(
          and(
            eq(conversationCycles.workspaceId, workspaceId),
            eq(conversationCycles.conversationId, conversationId),
            eq(conversationCycles.cycle, row.cycle),
          ),
        );
    }
    await saveConversation(tx, row, at);
    await recordEvents(tx, workspaceId, events);
    return getConversation(tx, workspaceId, conversationId);
  });
}

export async function listConversations(
  tx: Tx,
  workspaceId: string,
  userId: string | null,
  query: ConversationListQuery,
): Promise<Page<Conversation>> {
  const cursor = decodeCursor(query.cursor);
  const c = conversations;
  const conditions: (SQL | undefined)[] = [eq(c.workspaceId, workspaceId)];
  const bySla = query.sort === 'sla_due';
  if (cursor && bySla) conditions.push(afterSlaCursor(cursor));
  else if (cursor) {
    const at = new Date(cursor.at);
    conditions.push(or(lt(c.lastActivityAt, at), and(eq(c.lastActivityAt, at), lt(c.id, cursor.id))));
  }
  if (query.sla) conditions.push(slaListCondition(query.sla, new Date()));
  if (query.status) conditions.push(inArray(c.status, query.status));
  if (query.channel) conditions.push(inArray(c.channel, query.channel));
  if (query.escalation) conditions.push(inArray(c.escalationTier, query.escalation));
  if (query.assignee === 'none') conditions.push(isNull(c.assigneeId));
  else if (query.assignee === 'me') {
    if (!userId) throw badRequest('query.assignee', '"me" needs a logged-in member, not an API key');
    conditions.push(eq(c.assigneeId, userId));
  } else if (query.assignee) conditions.push(eq(c.assigneeId, query.assignee));
  if (query.teamId) conditions.push(eq(c.teamId, query.teamId));
  if (query.tag) conditions.push(arrayContains(c.tags, [query.tag]));
  if (query.contactId) conditions.push(eq(c.contactId, query.contactId));
  if (query.q) {
    const tsquery = toTsqueryLiteral(query.q);
    if (!tsquery) throw badRequest('query.q', 'has no letters or digits to search for');
    conditions.push(
      or(
        sql`${c.searchVector} @@ ${tsquery}::tsquery`,
        sql`exists (select 1 from ${messages} m where m.workspace_id = ${workspaceId} and m.conversation_id = "conversations"."id" and m.search_vector @@ ${tsquery}::tsquery)`,
      ),
    );
  }
  const rows = await tx
    .select()
    .from(c)
    .where(and(...conditions))
    .orderBy(...(bySla ? slaDueOrder() : [desc(c.lastActivityAt), desc(c.id)]))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => (bySla ? slaCursorOf(r) : { at: r.lastActivityAt, id: r.id }));
  return { data: await present(tx, workspaceId, page.data), nextCursor: page.nextCursor };
}

/** Merge support: every conversation and message of one contact moves to another, with an event. */
export async function moveContact(
  tx: Tx,
  workspaceId: string,
  fromId: string,
  toId: string,
  actor: Actor,
): Promise<number> {
  const moved = await tx
    .update(conversations)
    .set({ contactId: toId })
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.contactId, fromId)))
    .returning({ id: conversations.id, cycle: conversations.cycle });
  await tx
    .update(messages)
    .set({ contactId: toId })
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.contactId, fromId)));
  await tx
    .update(messages)
    .set({ authorId: toId })
    .where(
      and(eq(messages.workspaceId, workspaceId), eq(messages.authorType, 'contact'), eq(messages.authorId, fromId)),
    );
  const at = new Date();
  await recordEvents(
    tx,
    workspaceId,
    moved.map((m) => ({
      conversationId: m.id,
      cycle: m.cycle,
      type: 'contact_merged' as const,
      actor,
      at,
      data: { fromContactId: fromId, toContactId: toId },
    })),
  );
  return moved.length;
}

/** Erasure support: removes a contact's conversations with their messages, cycles and events. */
export async function deleteConversationsOfContact(tx: Tx, workspaceId: string, contactId: string): Promise<number> {
  const owned = sql`(select id from ${conversations} where workspace_id = ${workspaceId} and contact_id = ${contactId})`;
  await tx.execute(sql`delete from messages where workspace_id = ${workspaceId} and conversation_id in ${owned}`);
  await tx.execute(
    sql`delete from conversation_events where workspace_id = ${workspaceId} and conversation_id in ${owned}`,
  );
  await tx.execute(
    sql`delete from conversation_cycles where workspace_id = ${workspaceId} and conversation_id in ${owned}`,
  );
  await tx.execute(sql`delete from sla_targets where workspace_id = ${workspaceId} and conversation_id in ${owned}`);
  const deleted = await tx
    .delete(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.contactId, contactId)))
    .returning({ id: conversations.id });
  return deleted.length;
}
