import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { workspaces } from '../../db/schema/index.ts';
import { signToken, verifyToken } from '../../lib/signed-token.ts';
import { normaliseAddress, suppressAddress } from './suppressions.ts';

const PURPOSE = 'unsubscribe';

interface UnsubscribePayload extends Record<string, unknown> {
  w: string;
  e: string;
}

/** Signed (workspace, address): no expiry, because the law wants the link to keep working. */
export const unsubscribeToken = (secret: string, workspaceId: string, email: string) =>
  signToken(secret, PURPOSE, { w: workspaceId, e: normaliseAddress(email) } satisfies UnsubscribePayload);

export function readUnsubscribeToken(secret: string, token: string): { workspaceId: string; email: string } | null {
  const payload = verifyToken<UnsubscribePayload>(secret, PURPOSE, token);
  if (!payload || typeof payload.w !== 'string' || typeof payload.e !== 'string') return null;
  return { workspaceId: payload.w, email: payload.e };
}

export const unsubscribeUrl = (ctx: { secret: string; publicUrl: string }, workspaceId: string, email: string) =>
  `${ctx.publicUrl}/u/${unsubscribeToken(ctx.secret, workspaceId, email)}`;

/** RFC 2369 and RFC 8058: mail clients show an unsubscribe button and POST to the link in one click. */
export const unsubscribeHeaders = (url: string): Record<string, string> => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

export interface UnsubscribeTarget {
  workspaceId: string;
  workspaceName: string;
  email: string;
}

/** The address and workspace behind a link, or null when the link is forged or the workspace is gone. */
export async function unsubscribeTarget(db: Db, secret: string, token: string): Promise<UnsubscribeTarget | null> {
  const target = readUnsubscribeToken(secret, token);
  if (!target) return null;
  const [workspace] = await db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, target.workspaceId))
    .limit(1);
  return workspace ? { ...target, workspaceName: workspace.name } : null;
}

/** Puts the address on the workspace's suppression list; using the link twice changes nothing. */
export async function unsubscribe(db: Db, secret: string, token: string): Promise<UnsubscribeTarget | null> {
  const target = await unsubscribeTarget(db, secret, token);
  if (!target) return null;
  await suppressAddress(db, target.workspaceId, target.email, 'unsubscribed');
  return target;
}
