import {
  CHANNELS,
  type Channel,
  type ConversationStatus,
  PRIORITIES,
  type Priority,
  STATUSES,
} from '../../../shared/contracts/conversations.ts';
import type { CsvRecord } from './csv-source.ts';
import { count, email, oneOf, RowError, required, text, timestamp } from './fields.ts';

/** A conversations-file row, fully checked: writing it needs only lookups. */
export interface ConversationRow {
  line: number;
  externalId: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  subject: string;
  customerEmail: string | null;
  customerName: string;
  companyDomain: string | null;
  assigneeEmail: string | null;
  team: string | null;
  tags: string[];
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  reopens: number;
  agentReplies: number;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

function tags(values: Record<string, string>): string[] {
  const raw = text(values, 'tags', 5000);
  const list = [
    ...new Set(
      raw
        .split(';')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  if (list.length > 50) throw new RowError('tags', { code: 'too_many_tags', max: 50 });
  for (const tag of list) {
    if (tag.length > 50) throw new RowError('tags', { code: 'tag_too_long', tag: tag.slice(0, 20), max: 50 });
    if (tag.includes(',')) throw new RowError('tags', { code: 'tag_comma', tag });
  }
  return list;
}

/** Checks every column of a row; throws the RowError naming the first bad one. */
export function parseConversationRow(record: CsvRecord): ConversationRow {
  const v = record.values;
  if (record.fieldCountError) throw new RowError('row', record.fieldCountError);
  const externalId = required(v, 'external_id', 200);
  const channel = oneOf(v, 'channel', CHANNELS);
  const resolvedAt = timestamp(v, 'resolved_at');
  const status = oneOf(v, 'status', STATUSES, resolvedAt ? 'resolved' : 'open');
  const priority = oneOf(v, 'priority', PRIORITIES, 'normal');
  const subject = text(v, 'subject', 500);
  const customerEmail = email(v, 'customer_email');
  const customerName = text(v, 'customer_name', 200);
  const companyDomain = text(v, 'company_domain', 253).toLowerCase() || null;
  if (companyDomain && !DOMAIN.test(companyDomain)) throw new RowError('company_domain', { code: 'domain' });
  const assigneeEmail = email(v, 'assignee_email');
  const team = text(v, 'team', 200) || null;
  const tagList = tags(v);
  const createdAt = timestamp(v, 'created_at');
  if (!createdAt) throw new RowError('created_at', { code: 'required' });
  const firstResponseAt = timestamp(v, 'first_response_at');
  if (firstResponseAt && firstResponseAt < createdAt) {
    throw new RowError('first_response_at', { code: 'before_created' });
  }
  if (resolvedAt && resolvedAt < createdAt) throw new RowError('resolved_at', { code: 'before_created' });
  const reopens = count(v, 'reopens');
  const agentReplies = count(v, 'agent_replies');
  if (status === 'resolved' && !resolvedAt) throw new RowError('resolved_at', { code: 'required_when_resolved' });
  return {
    line: record.line,
    externalId,
    channel,
    status,
    priority,
    subject,
    customerEmail,
    customerName,
    companyDomain,
    assigneeEmail,
    team,
    tags: tagList,
    createdAt,
    firstResponseAt,
    resolvedAt,
    reopens,
    agentReplies,
  };
}
