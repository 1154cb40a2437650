import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { messages } from '../../db/schema/index.ts';

/** The text of one message of a conversation (what automation rules test on message events), or null. */
export async function getMessageBody(
  tx: Tx,
  workspaceId: string,
  conversationId: string,
  messageId: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ body: messages.body })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.conversationId, conversationId),
        eq(messages.id, messageId),
      ),
    )
    .limit(1);
  return row?.body ?? null;
}
