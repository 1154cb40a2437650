import argon2 from 'argon2';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/common.ts';
import type { Tx } from '../../db/client.ts';
import { apiKeys, memberships, sessions, users } from '../../db/schema/index.ts';
import type { Auth } from '../../http/route.ts';
import { isUuid, newId } from '../../lib/id.ts';
import { hashToken, randomSecret } from '../../lib/tokens.ts';

export const SESSION_DAYS = 30;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A key names its workspace, so the lookup is by (workspace_id, key_hash) like every tenant index. */
export function makeApiKey(workspaceId: string): { key: string; hash: string; hint: string } {
  const secret = randomSecret(24);
  const key = `koe_${workspaceId.replaceAll('-', '')}_${secret}`;
  return { key, hash: hashToken(key), hint: `…${secret.slice(-4)}` };
}

function workspaceOfApiKey(key: string): string | null {
  const match = /^koe_([0-9a-f]{32})_[A-Za-z0-9_-]{20,}$/.exec(key);
  if (!match?.[1]) return null;
  const hex = match[1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function resolveApiKey(db: Tx, key: string): Promise<Auth | null> {
  const workspaceId = workspaceOfApiKey(key);
  if (!workspaceId) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.keyHash, hashToken(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  // Record use at most once a minute, so reads stay reads.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, row.id)));
  }
  return { workspaceId, userId: null, role: row.role, via: 'api_key', apiKeyId: row.id, csrfToken: null };
}

export async function createSession(
  db: Tx,
  workspaceId: string,
  userId: string,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const secret = randomSecret(32);
  const token = `${workspaceId}.${secret}`;
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ workspaceId, tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

function splitSessionToken(token: string): { workspaceId: string; hash: string } | null {
  const dot = token.indexOf('.');
  const workspaceId = token.slice(0, dot);
  if (dot < 0 || !isUuid(workspaceId)) return null;
  return { workspaceId, hash: hashToken(token) };
}

export async function resolveSession(db: Tx, token: string): Promise<Auth | null> {
  const parts = splitSessionToken(token);
  if (!parts) return null;
  const [row] = await db
    .select({ userId: sessions.userId, csrfToken: sessions.csrfToken, role: memberships.role })
    .from(sessions)
    .innerJoin(
      memberships,
      and(eq(memberships.workspaceId, sessions.workspaceId), eq(memberships.userId, sessions.userId)),
    )
    .where(
      and(
        eq(sessions.workspaceId, parts.workspaceId),
        eq(sessions.tokenHash, parts.hash),
        gt(sessions.expiresAt, new Date()),
      ),
    )
    .limit(1);
  if (!row) return null;
  return {
    workspaceId: parts.workspaceId,
    userId: row.userId,
    role: row.role as Role,
    via: 'session',
    apiKeyId: null,
    csrfToken: row.csrfToken,
  };
}

export async function deleteSession(db: Tx, token: string): Promise<void> {
  const parts = splitSessionToken(token);
  if (!parts) return;
  await db.delete(sessions).where(and(eq(sessions.workspaceId, parts.workspaceId), eq(sessions.tokenHash, parts.hash)));
}

export async function deleteExpiredSessions(db: Tx): Promise<number> {
  const result = await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return result.rowCount ?? 0;
}

/** Checks email and password; answers the same way for an unknown email and a wrong password. */
export async function checkCredentials(
  db: Tx,
  email: string,
  password: string,
  workspaceId?: string,
): Promise<{ userId: string; workspaceId: string } | null> {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user) return null;
  const rows = await db
    .select({ workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(memberships.createdAt);
  const chosen = workspaceId ? rows.find((r) => r.workspaceId === workspaceId) : rows[0];
  return chosen ? { userId: user.id, workspaceId: chosen.workspaceId } : null;
}

export { newId };
