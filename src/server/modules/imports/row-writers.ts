import type { ImportReason } from '../../../shared/import-reasons.ts';
import type { Tx } from '../../db/client.ts';
import {
  conversationByExternalId,
  findConversationByExternalId,
  upsertImportedConversation,
} from '../conversations/imported.ts';
import { findOrCreateCompanyByDomain, findOrCreateContactByEmail } from '../customers/find-or-create.ts';
import { type ImportedKind, importedSurvey, upsertImportedResponse } from '../surveys/imported.ts';
import { findOrCreateTeamByName } from '../workspaces/lookups.ts';
import type { ConversationRow } from './conversation-rows.ts';
import { RowError } from './fields.ts';
import type { ResponseRow } from './response-rows.ts';

/** What a batch's rows share: the workspace, its members by email, its imported surveys. */
export interface ImportContext {
  workspaceId: string;
  defaultLocale: string;
  membersByEmail: Map<string, string>;
  /** Filled per batch transaction (a survey created in a rolled-back batch must not be reused). */
  surveys: Map<ImportedKind, { id: string; version: number }>;
}

export interface RowResult {
  outcome: 'created' | 'updated' | 'unchanged';
  conversationId: string | null;
  /** Rows kept with a note: the summary words them in English, a web import's reader in their language. */
  warnings: RowWarning[];
}

export interface RowWarning {
  line: number;
  field: string;
  reason: ImportReason;
}

export async function writeConversationRow(tx: Tx, ctx: ImportContext, row: ConversationRow): Promise<RowResult> {
  const { workspaceId } = ctx;
  const warnings: RowWarning[] = [];
  const companyId = row.companyDomain ? await findOrCreateCompanyByDomain(tx, workspaceId, row.companyDomain) : null;
  const existing = await findConversationByExternalId(tx, workspaceId, row.channel, row.externalId);
  // Without an email the person cannot be found again: a new contact the first time, the same one after.
  const contact =
    row.customerEmail || !existing
      ? await findOrCreateContactByEmail(
          tx,
          workspaceId,
          { email: row.customerEmail, name: row.customerName, companyId },
          row.createdAt,
        )
      : { id: existing.contactId, companyId, locale: null };
  const teamId = row.team ? await findOrCreateTeamByName(tx, workspaceId, row.team) : null;
  let assigneeId: string | null = null;
  if (row.assigneeEmail) {
    assigneeId = ctx.membersByEmail.get(row.assigneeEmail) ?? null;
    if (!assigneeId) {
      warnings.push({
        line: row.line,
        field: 'assignee_email',
        reason: { code: 'not_member', email: row.assigneeEmail },
      });
    }
  }
  const written = await upsertImportedConversation(tx, workspaceId, {
    externalId: row.externalId,
    channel: row.channel,
    status: row.status,
    priority: row.priority,
    subject: row.subject,
    contactId: contact.id,
    companyId: companyId ?? contact.companyId,
    assigneeId,
    teamId,
    tags: row.tags,
    language: contact.locale,
    createdAt: row.createdAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    reopens: row.reopens,
    agentReplies: row.agentReplies,
  });
  return { outcome: written.outcome, conversationId: written.id, warnings };
}

/** Creates (or finds) the imported survey of every kind in the batch, before its rows. */
export async function prepareSurveys(tx: Tx, ctx: ImportContext, rows: ResponseRow[]): Promise<void> {
  ctx.surveys.clear();
  for (const kind of new Set(rows.map((r) => r.kind))) {
    ctx.surveys.set(kind, await importedSurvey(tx, ctx.workspaceId, kind, ctx.defaultLocale));
  }
}

export async function writeResponseRow(tx: Tx, ctx: ImportContext, row: ResponseRow): Promise<RowResult> {
  const { workspaceId } = ctx;
  const conversation = row.conversationExternalId
    ? await conversationByExternalId(tx, workspaceId, row.conversationExternalId, row.channel)
    : null;
  if (row.conversationExternalId && !conversation) {
    throw new RowError('conversation_external_id', { code: 'unknown_conversation' });
  }
  if (conversation === 'ambiguous') {
    throw new RowError('conversation_external_id', { code: 'ambiguous_conversation' });
  }
  const contactId = row.customerEmail
    ? (
        await findOrCreateContactByEmail(
          tx,
          workspaceId,
          { email: row.customerEmail, name: '', companyId: null },
          row.createdAt,
        )
      ).id
    : (conversation?.contactId ?? null);
  const survey = ctx.surveys.get(row.kind);
  if (!survey) throw new Error(`no imported survey prepared for ${row.kind}`);
  const written = await upsertImportedResponse(tx, workspaceId, {
    externalId: row.externalId,
    survey,
    kind: row.kind,
    score: row.score,
    comment: row.comment,
    contactId,
    conversationId: conversation?.id ?? null,
    cycle: conversation ? 1 : null,
    language: row.language ?? ctx.defaultLocale,
    agentId: conversation?.agentId ?? null,
    teamId: conversation?.teamId ?? null,
    channel: row.channel ?? conversation?.channel ?? null,
    touchpoint: row.touchpoint,
    submittedAt: row.createdAt,
  });
  if (written.outcome === 'native_changed') {
    throw new RowError('external_id', { code: 'collected_by_koe' });
  }
  return { outcome: written.outcome, conversationId: null, warnings: [] };
}
