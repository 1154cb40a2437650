import { and, asc, eq } from 'drizzle-orm';
import type { ReplyScript } from '../../../shared/contracts/conversations.ts';
import { pickLanguage, renderScript } from '../../../shared/scripts.ts';
import type { Tx } from '../../db/client.ts';
import { companies, contactIdentities, contacts, replyScripts, users, workspaces } from '../../db/schema/index.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { presentScript } from './presenters.ts';
import { getConversation } from './service.ts';

type ScriptInput = {
  name?: string | undefined;
  shortcut?: string | undefined;
  bodies?: Record<string, string> | undefined;
};

async function assertShortcutFree(tx: Tx, workspaceId: string, shortcut: string | undefined, exceptId?: string) {
  if (!shortcut) return;
  const [row] = await tx
    .select({ id: replyScripts.id })
    .from(replyScripts)
    .where(and(eq(replyScripts.workspaceId, workspaceId), eq(replyScripts.shortcut, shortcut)))
    .limit(1);
  if (row && row.id !== exceptId) throw conflict('body.shortcut', 'is used by another script');
}

async function getRow(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(replyScripts)
    .where(and(eq(replyScripts.workspaceId, workspaceId), eq(replyScripts.id, id)))
    .limit(1);
  if (!row) throw notFound('Reply script');
  return row;
}

export async function listScripts(tx: Tx, workspaceId: string): Promise<ReplyScript[]> {
  const rows = await tx
    .select()
    .from(replyScripts)
    .where(eq(replyScripts.workspaceId, workspaceId))
    .orderBy(asc(replyScripts.shortcut));
  return rows.map(presentScript);
}

export const getScript = async (tx: Tx, workspaceId: string, id: string) =>
  presentScript(await getRow(tx, workspaceId, id));

export async function createScript(
  tx: Tx,
  workspaceId: string,
  input: Required<ScriptInput>,
  createdBy: string | null,
): Promise<ReplyScript> {
  await assertShortcutFree(tx, workspaceId, input.shortcut);
  const [row] = await tx
    .insert(replyScripts)
    .values({ workspaceId, id: newId(), name: input.name, shortcut: input.shortcut, bodies: input.bodies, createdBy })
    .returning();
  if (!row) throw new Error('script insert returned nothing');
  return presentScript(row);
}

export async function updateScript(tx: Tx, workspaceId: string, id: string, input: ScriptInput): Promise<ReplyScript> {
  await getRow(tx, workspaceId, id);
  await assertShortcutFree(tx, workspaceId, input.shortcut, id);
  const fields: Partial<typeof replyScripts.$inferInsert> = { updatedAt: new Date() };
  if (input.name !== undefined) fields.name = input.name;
  if (input.shortcut !== undefined) fields.shortcut = input.shortcut;
  if (input.bodies !== undefined) fields.bodies = input.bodies;
  const [row] = await tx
    .update(replyScripts)
    .set(fields)
    .where(and(eq(replyScripts.workspaceId, workspaceId), eq(replyScripts.id, id)))
    .returning();
  if (!row) throw notFound('Reply script');
  return presentScript(row);
}

export async function deleteScript(tx: Tx, workspaceId: string, id: string): Promise<void> {
  await getRow(tx, workspaceId, id);
  await tx.delete(replyScripts).where(and(eq(replyScripts.workspaceId, workspaceId), eq(replyScripts.id, id)));
}

/** Fills a script for one conversation, in the conversation's language unless another is asked for. */
export async function renderScriptFor(
  tx: Tx,
  workspaceId: string,
  scriptId: string,
  input: { conversationId: string; language?: string | undefined; agentId: string | null },
): Promise<{ body: string; language: string | null }> {
  const script = await getRow(tx, workspaceId, scriptId);
  const conversation = await getConversation(tx, workspaceId, input.conversationId).catch(() => {
    throw badRequest('body.conversationId', 'is not a conversation of this workspace');
  });
  const [contact] = await tx
    .select({ name: contacts.name, companyId: contacts.companyId, locale: contacts.locale })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, conversation.contactId)));
  const [email] = await tx
    .select({ value: contactIdentities.value })
    .from(contactIdentities)
    .where(
      and(
        eq(contactIdentities.workspaceId, workspaceId),
        eq(contactIdentities.contactId, conversation.contactId),
        eq(contactIdentities.kind, 'email'),
      ),
    )
    .orderBy(asc(contactIdentities.position))
    .limit(1);
  const [company] = contact?.companyId
    ? await tx
        .select({ name: companies.name })
        .from(companies)
        .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, contact.companyId)))
    : [];
  const [agent] = input.agentId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, input.agentId))
    : [];
  const [workspace] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const language = input.language ?? conversation.language ?? contact?.locale ?? null;
  const template = pickLanguage(script.bodies, language);
  const body = renderScript(template, {
    contact: { name: contact?.name ?? '', email: email?.value ?? '' },
    company: company ?? null,
    agent: { name: agent?.name ?? '' },
    conversation: { subject: conversation.subject, id: conversation.id },
    workspace: { name: workspace?.name ?? '' },
  });
  return { body, language };
}
