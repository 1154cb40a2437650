import { and, desc, eq, getTableColumns, lt, or, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { OutboxEmail, OutboxEmailDetail, OutboxQuery } from '../../../shared/contracts/email.ts';
import type { Tx } from '../../db/client.ts';
import { emailMessages } from '../../db/schema/index.ts';
import { notFound } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { presentOutboxEmail, presentOutboxEmailDetail } from './presenters.ts';

/** The outbox: every email of the workspace, newest first, without bodies. */
export async function listOutbox(tx: Tx, workspaceId: string, query: OutboxQuery): Promise<Page<OutboxEmail>> {
  const cursor = decodeCursor(query.cursor);
  const {
    text: _text,
    html: _html,
    headers: _headers,
    messageId: _messageId,
    ...columns
  } = getTableColumns(emailMessages);
  const rows = await tx
    .select(columns)
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.workspaceId, workspaceId),
        query.status ? eq(emailMessages.status, query.status) : undefined,
        query.purpose ? eq(emailMessages.purpose, query.purpose) : undefined,
        query.to ? sql`lower(${emailMessages.to}) = ${query.to.trim().toLowerCase()}` : undefined,
        cursor
          ? or(
              lt(emailMessages.createdAt, new Date(cursor.at)),
              and(eq(emailMessages.createdAt, new Date(cursor.at)), lt(emailMessages.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { data: page.data.map(presentOutboxEmail), nextCursor: page.nextCursor };
}

export async function getOutboxEmail(tx: Tx, workspaceId: string, id: string): Promise<OutboxEmailDetail> {
  const [row] = await tx
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.workspaceId, workspaceId), eq(emailMessages.id, id)))
    .limit(1);
  if (!row) throw notFound('Email');
  return presentOutboxEmailDetail(row);
}
