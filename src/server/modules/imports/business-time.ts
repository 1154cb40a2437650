import type { Tx } from '../../db/client.ts';
import { recomputeBusinessDurations } from '../calendars/recompute.ts';

/**
 * Business-hours durations of imported cycles (first_response_business_seconds,
 * resolution_business_seconds), counted by the calendars module inside the batch's
 * transaction, for the conversations the batch created or changed.
 */
export async function recomputeImportedDurations(
  tx: Tx,
  workspaceId: string,
  conversationIds: string[],
): Promise<void> {
  if (conversationIds.length === 0) return;
  await recomputeBusinessDurations(tx, workspaceId, { conversationIds });
}
