import { and, eq, ne, sql } from 'drizzle-orm';
import type { RecoveryCase } from '../../../shared/contracts/recovery.ts';
import type { Tx } from '../../db/client.ts';
import { recoveryCases } from '../../db/schema/index.ts';
import { notFound } from '../../http/problem.ts';
import { getContacts } from '../customers/contacts.ts';
import { memberNames } from '../workspaces/service.ts';
import type { CaseRow } from './log.ts';
import { presentCase } from './presenters.ts';

const c = recoveryCases;

export async function getCaseRow(tx: Tx, workspaceId: string, caseId: string, lock = false): Promise<CaseRow> {
  const query = tx
    .select()
    .from(c)
    .where(and(eq(c.workspaceId, workspaceId), eq(c.id, caseId)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Recovery case');
  return row;
}

/** The open case of a conversation (at most one: a unique index keeps it so). */
export async function openCaseOfConversation(
  tx: Tx,
  workspaceId: string,
  conversationId: string,
  lock = false,
): Promise<CaseRow | null> {
  const query = tx
    .select()
    .from(c)
    .where(and(eq(c.workspaceId, workspaceId), eq(c.conversationId, conversationId), ne(c.status, 'closed')))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The case an answer opened or joined, whatever its status (an answer updated later must not open another). */
export async function caseOfResponse(tx: Tx, workspaceId: string, responseId: string): Promise<CaseRow | null> {
  const result = await tx.execute<{ id: string }>(sql`
    select c.id from recovery_cases c
     where c.workspace_id = ${workspaceId}
       and (c.response_id = ${responseId}
            or exists (select 1 from recovery_case_events e
                        where e.workspace_id = c.workspace_id and e.case_id = c.id
                          and e.type = 'joined' and e.data->>'responseId' = ${responseId}))
     order by c.opened_at limit 1`);
  const id = result.rows[0]?.id;
  return id ? getCaseRow(tx, workspaceId, id, true) : null;
}

/**
 * Serialises the opening of cases in a workspace for the rest of the transaction: numbers
 * stay dense and unique, and two answers about one conversation never open two cases.
 */
export async function lockCaseOpening(tx: Tx, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`koe:recovery:${workspaceId}`}))`);
}

export async function nextCaseNumber(tx: Tx, workspaceId: string): Promise<number> {
  const result = await tx.execute<{ next: number }>(
    sql`select coalesce(max(number), 0)::int + 1 as next from recovery_cases where workspace_id = ${workspaceId}`,
  );
  return Number(result.rows[0]?.next ?? 1);
}

/** Cases with their customers and owners, in one query each. */
export async function presentCases(
  tx: Tx,
  workspaceId: string,
  rows: CaseRow[],
  now = new Date(),
): Promise<RecoveryCase[]> {
  if (rows.length === 0) return [];
  const contacts = new Map(
    (
      await getContacts(
        tx,
        workspaceId,
        rows.map((r) => r.contactId),
      )
    ).map((x) => [x.id, x]),
  );
  const owners = await memberNames(
    tx,
    workspaceId,
    rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])),
  );
  return rows.map((row) =>
    presentCase(row, contacts.get(row.contactId) ?? null, row.ownerId ? (owners.get(row.ownerId) ?? null) : null, now),
  );
}

export async function presentOne(tx: Tx, workspaceId: string, row: CaseRow): Promise<RecoveryCase> {
  const [presented] = await presentCases(tx, workspaceId, [row]);
  if (!presented) throw notFound('Recovery case');
  return presented;
}
