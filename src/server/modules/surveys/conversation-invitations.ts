import { and, desc, eq } from 'drizzle-orm';
import type { Invitation } from '../../../shared/contracts/surveys.ts';
import type { Tx } from '../../db/client.ts';
import { surveyInvitations } from '../../db/schema/index.ts';
import { getConversation } from '../conversations/service.ts';
import { invitationUrl } from './invitations.ts';
import { presentInvitation } from './presenters.ts';
import type { SurveyContext } from './service.ts';

/** Deliveries whose link a member may pass on (or already sees in the chat thread); never an email's. */
const SHAREABLE = new Set(['link', 'chat', 'in_app']);
const LIVE = new Set(['scheduled', 'sent', 'delivered', 'opened', 'dismissed']);

/**
 * The surveys offered about one conversation, newest first. A link invitation (phone,
 * social, review, API conversations) carries its url so the agent can pass it on.
 */
export async function conversationInvitations(
  tx: Tx,
  ctx: SurveyContext,
  workspaceId: string,
  conversationId: string,
): Promise<Invitation[]> {
  await getConversation(tx, workspaceId, conversationId);
  const rows = await tx
    .select()
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.workspaceId, workspaceId), eq(surveyInvitations.conversationId, conversationId)))
    .orderBy(desc(surveyInvitations.createdAt), desc(surveyInvitations.id))
    .limit(200);
  return rows.map((row) =>
    presentInvitation(
      row,
      SHAREABLE.has(row.delivery) && LIVE.has(row.status) && row.expiresAt > new Date()
        ? invitationUrl(ctx, row)
        : undefined,
    ),
  );
}
