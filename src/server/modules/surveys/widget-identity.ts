import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { WidgetCheckInput, WidgetInstallation } from '../../../shared/contracts/widget.ts';
import type { Tx } from '../../db/client.ts';
import { workspaces } from '../../db/schema/index.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import { randomSecret, safeEqual } from '../../lib/tokens.ts';
import { findContactByIdentity, resolveCustomer } from '../customers/contacts.ts';

/** The workspace as the widget needs it: name, widget secret (null until an admin asks for it), throttling. */
export interface WidgetWorkspace {
  id: string;
  name: string;
  secret: string | null;
  settings: Record<string, unknown>;
}

export async function widgetWorkspace(tx: Tx, workspaceId: string): Promise<WidgetWorkspace> {
  const [row] = await tx
    .select({ id: workspaces.id, name: workspaces.name, settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  if (!row) throw notFound('Workspace');
  const widget = row.settings.widget as { secret?: unknown } | undefined;
  return { ...row, secret: typeof widget?.secret === 'string' ? widget.secret : null };
}

async function saveSecret(tx: Tx, workspaceId: string, secret: string): Promise<void> {
  await tx
    .update(workspaces)
    .set({ settings: sql`${workspaces.settings} || ${JSON.stringify({ widget: { secret } })}::jsonb` })
    .where(eq(workspaces.id, workspaceId));
}

/** The user hash a host site computes on its server: HMAC-SHA256(user id, widget secret), hex. */
export const userHash = (secret: string, userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

export function installation(publicUrl: string, workspaceId: string, secret: string): WidgetInstallation {
  const scriptUrl = `${publicUrl}/widget.js`;
  const snippet = [
    '<script>window.koe=window.koe||function(){(koe.q=koe.q||[]).push(arguments)}</script>',
    `<script src="${scriptUrl}" data-workspace="${workspaceId}"`,
    '  data-user-id="USER_ID" data-user-hash="HMAC_SHA256_HEX(USER_ID, SECRET)"',
    '  data-user-email="USER_EMAIL" data-user-name="USER_NAME" data-lang="ja" async></script>',
  ].join('\n');
  return { workspaceId, secret, snippet, scriptUrl };
}

/** The workspace's widget secret, made on first use; `rotate` replaces it (old user hashes stop working). */
export async function widgetSecret(tx: Tx, workspaceId: string, rotate = false): Promise<string> {
  const workspace = await widgetWorkspace(tx, workspaceId);
  if (workspace.secret && !rotate) return workspace.secret;
  const secret = randomSecret(32);
  await saveSecret(tx, workspaceId, secret);
  return secret;
}

const forgedIdentity = () =>
  new HttpProblem(
    403,
    'Unverified user',
    'body.userHash: must be HMAC-SHA256(userId, widget secret) in hex, computed on your server (Settings → Widget)',
    [{ field: 'body.userHash', message: 'does not match userId' }],
  );

/**
 * The contact behind an identified visitor, found by external id and created on first
 * visit. The hash proves only the user id, so the email given alongside is attached to
 * a new contact when nobody owns it yet and never used to find an existing one (else
 * anyone could answer as the owner of any address).
 */
export async function identifiedContact(
  tx: Tx,
  workspace: WidgetWorkspace,
  input: WidgetCheckInput,
): Promise<{ id: string; locale: string | null } | null> {
  if (!input.userId) return null;
  if (!workspace.secret || !input.userHash) throw forgedIdentity();
  if (!safeEqual(input.userHash.toLowerCase(), userHash(workspace.secret, input.userId))) throw forgedIdentity();
  const emailTaken = input.userEmail ? await findContactByIdentity(tx, workspace.id, 'email', input.userEmail) : null;
  const contact = await resolveCustomer(tx, workspace.id, {
    externalId: input.userId,
    email: emailTaken ? undefined : input.userEmail,
    name: input.userName ?? input.userEmail?.split('@')[0] ?? input.userId,
    locale: input.language,
  });
  return { id: contact.id, locale: contact.locale };
}
