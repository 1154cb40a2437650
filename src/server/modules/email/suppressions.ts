import { and, desc, eq, ilike, lt, or } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { EmailSuppression, SuppressionListQuery, SuppressionReason } from '../../../shared/contracts/email.ts';
import type { Tx } from '../../db/client.ts';
import { emailSuppressions } from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../http/problem.ts';

export const normaliseAddress = (email: string) => email.trim().toLowerCase();

const present = (row: typeof emailSuppressions.$inferSelect): EmailSuppression => ({
  email: row.email,
  reason: row.reason,
  createdAt: row.createdAt.toISOString(),
});

export async function isAddressSuppressed(tx: Tx, workspaceId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ email: emailSuppressions.email })
    .from(emailSuppressions)
    .where(and(eq(emailSuppressions.workspaceId, workspaceId), eq(emailSuppressions.email, normaliseAddress(email))))
    .limit(1);
  return Boolean(row);
}

/** Adds an address; one already on the list keeps its first reason and date. */
export async function suppressAddress(
  tx: Tx,
  workspaceId: string,
  email: string,
  reason: SuppressionReason,
  now = new Date(),
): Promise<EmailSuppression> {
  const address = normaliseAddress(email);
  await tx
    .insert(emailSuppressions)
    .values({ workspaceId, email: address, reason, createdAt: now })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(emailSuppressions)
    .where(and(eq(emailSuppressions.workspaceId, workspaceId), eq(emailSuppressions.email, address)));
  if (!row) throw new Error('suppression insert returned nothing');
  return present(row);
}

export async function removeSuppression(tx: Tx, workspaceId: string, email: string): Promise<void> {
  const deleted = await tx
    .delete(emailSuppressions)
    .where(and(eq(emailSuppressions.workspaceId, workspaceId), eq(emailSuppressions.email, normaliseAddress(email))))
    .returning({ email: emailSuppressions.email });
  if (deleted.length === 0) throw notFound('Suppressed address');
}

/** Keyset cursor over (created_at, email): emails are not UUIDs, so this list has its own. */
function encode(row: { createdAt: Date; email: string }): string {
  return Buffer.from(JSON.stringify({ at: row.createdAt.toISOString(), e: row.email })).toString('base64url');
}

function decode(cursor: string | undefined): { at: Date; email: string } | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; e?: unknown };
    const at = typeof value.at === 'string' ? new Date(value.at) : null;
    if (at && !Number.isNaN(at.getTime()) && typeof value.e === 'string' && !value.e.includes('\u0000')) {
      return { at, email: value.e };
    }
  } catch {
    // below
  }
  throw badRequest('query.cursor', 'is not a cursor returned by this API');
}

/** Newest first. */
export async function listSuppressions(
  tx: Tx,
  workspaceId: string,
  query: SuppressionListQuery,
): Promise<Page<EmailSuppression>> {
  const cursor = decode(query.cursor);
  const like = query.q ? `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await tx
    .select()
    .from(emailSuppressions)
    .where(
      and(
        eq(emailSuppressions.workspaceId, workspaceId),
        like ? ilike(emailSuppressions.email, like) : undefined,
        cursor
          ? or(
              lt(emailSuppressions.createdAt, cursor.at),
              and(eq(emailSuppressions.createdAt, cursor.at), lt(emailSuppressions.email, cursor.email)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(emailSuppressions.createdAt), desc(emailSuppressions.email))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit);
  const last = data[data.length - 1];
  return { data: data.map(present), nextCursor: rows.length > query.limit && last ? encode(last) : null };
}
