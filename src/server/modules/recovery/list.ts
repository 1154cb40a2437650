import { and, arrayContains, desc, eq, inArray, isNotNull, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { RecoveryCase, RecoveryCaseListQuery } from '../../../shared/contracts/recovery.ts';
import type { Tx } from '../../db/client.ts';
import { recoveryCases } from '../../db/schema/index.ts';
import { badRequest } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { localDateRange } from '../metrics/satisfaction.ts';
import { getWorkspace } from '../workspaces/service.ts';
import { presentCases } from './queries.ts';

const c = recoveryCases;

/**
 * A case whose first contact missed its due time: contacted late, closed without contact
 * after it, or still not contacted past it. The board shows only the last kind in red.
 */
export const overdueSql = (alias: string, now: Date): SQL =>
  sql`coalesce(${sql.raw(`${alias}.first_contact_at`)}, ${sql.raw(`${alias}.closed_at`)}, ${now.toISOString()}::timestamptz) > ${sql.raw(`${alias}.due_at`)}`;

const PERIOD_COLUMN = { opened: c.openedAt, contacted: c.firstContactAt, closed: c.closedAt } as const;

/** The board, lists and the drill-downs of the recovery figures: newest case first. */
export async function listCases(
  tx: Tx,
  workspaceId: string,
  userId: string | null,
  query: RecoveryCaseListQuery,
  now = new Date(),
): Promise<Page<RecoveryCase>> {
  const conditions: (SQL | undefined)[] = [eq(c.workspaceId, workspaceId)];
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    const at = new Date(cursor.at);
    conditions.push(or(lt(c.openedAt, at), and(eq(c.openedAt, at), lt(c.id, cursor.id))));
  }
  if (query.status) conditions.push(inArray(c.status, query.status));
  if (query.source) conditions.push(inArray(c.source, query.source));
  if (query.outcome) conditions.push(inArray(c.outcome, query.outcome));
  if (query.owner === 'none') conditions.push(isNull(c.ownerId));
  else if (query.owner === 'me') {
    if (!userId) throw badRequest('query.owner', '"me" needs a logged-in member, not an API key');
    conditions.push(eq(c.ownerId, userId));
  } else if (query.owner) conditions.push(eq(c.ownerId, query.owner));
  if (query.teamId) conditions.push(eq(c.teamId, query.teamId));
  if (query.channel) conditions.push(eq(c.channel, query.channel));
  if (query.tag) conditions.push(arrayContains(c.tags, [query.tag]));
  if (query.contactId) conditions.push(eq(c.contactId, query.contactId));
  if (query.conversationId) conditions.push(eq(c.conversationId, query.conversationId));
  if (query.contacted !== undefined)
    conditions.push(query.contacted ? isNotNull(c.firstContactAt) : isNull(c.firstContactAt));
  if (query.overdue !== undefined) {
    const overdue = overdueSql('recovery_cases', now);
    conditions.push(query.overdue ? overdue : sql`not (${overdue})`);
  }
  if (query.from && query.to && query.to < query.from) throw badRequest('query.to', 'must be on or after from');
  if (query.from || query.to) {
    const { timeZone } = await getWorkspace(tx, workspaceId);
    const column = PERIOD_COLUMN[query.period];
    conditions.push(localDateRange(sql`${column}`, timeZone, query.from, query.to));
  }
  const rows = await tx
    .select()
    .from(c)
    .where(and(...conditions))
    .orderBy(desc(c.openedAt), desc(c.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.openedAt, id: r.id }));
  return { data: await presentCases(tx, workspaceId, page.data, now), nextCursor: page.nextCursor };
}

/** Open cases of a customer, for the inbox's customer panel. */
export async function openCasesOfContact(tx: Tx, workspaceId: string, contactId: string): Promise<RecoveryCase[]> {
  const rows = await tx
    .select()
    .from(c)
    .where(and(eq(c.workspaceId, workspaceId), eq(c.contactId, contactId), ne(c.status, 'closed')))
    .orderBy(desc(c.openedAt))
    .limit(20);
  return presentCases(tx, workspaceId, rows);
}
