import type { surveys } from '../../db/schema/index.ts';
import { signToken, verifyToken } from '../../lib/signed-token.ts';

/** Signed reference to one invitation: the only way to answer as that person. */
export interface InvitationToken extends Record<string, unknown> {
  w: string;
  i: string;
  s: string;
  /** The survey version the invitation was given (tokens made before it was added have none). */
  v?: number;
  exp: number;
}

/** Signed reference to a survey's shareable link; `c` identifies a contact when present. */
export interface LinkToken extends Record<string, unknown> {
  w: string;
  s: string;
  c?: string;
  exp?: number;
}

const INVITATION = 'survey-invitation';
const LINK = 'survey-link';

export const invitationToken = (secret: string, payload: InvitationToken) => signToken(secret, INVITATION, payload);
export const readInvitationToken = (secret: string, token: string) =>
  verifyToken<InvitationToken>(secret, INVITATION, token);
export const linkToken = (secret: string, payload: LinkToken) => signToken(secret, LINK, payload);
export const readLinkToken = (secret: string, token: string) => verifyToken<LinkToken>(secret, LINK, token);

/** The public answer page of an invitation; `score` preselects a score (one-click email links). */
export function answerUrl(publicUrl: string, token: string, score?: number): string {
  return `${publicUrl}/s/${token}${score === undefined ? '' : `?score=${score}`}`;
}

/** The anonymous shareable link, when the survey allows it. */
export function linkUrl(
  ctx: { secret: string; publicUrl: string },
  workspaceId: string,
  row: typeof surveys.$inferSelect,
): string | null {
  if (!row.settings.anonymousLink) return null;
  return `${ctx.publicUrl}/s/${linkToken(ctx.secret, { w: workspaceId, s: row.id })}`;
}
