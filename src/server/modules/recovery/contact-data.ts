import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/** Merge support: a contact's recovery cases and their log move to the contact it is merged into. */
export async function moveRecoveryContact(tx: Tx, workspaceId: string, fromId: string, toId: string): Promise<void> {
  await tx.execute(
    sql`update recovery_cases set contact_id = ${toId} where workspace_id = ${workspaceId} and contact_id = ${fromId}`,
  );
  await tx.execute(
    sql`update recovery_case_events set contact_id = ${toId} where workspace_id = ${workspaceId} and contact_id = ${fromId}`,
  );
}

/**
 * Erasure support: a contact's recovery cases (log and action items with them) and the
 * escalations of their conversations are deleted; run before the conversations go.
 */
export async function deleteRecoveryDataOfContact(tx: Tx, workspaceId: string, contactId: string): Promise<void> {
  const cases = sql`(select id from recovery_cases where workspace_id = ${workspaceId} and contact_id = ${contactId})`;
  await tx.execute(sql`delete from recovery_action_items where workspace_id = ${workspaceId} and case_id in ${cases}`);
  await tx.execute(sql`delete from recovery_case_events where workspace_id = ${workspaceId} and case_id in ${cases}`);
  await tx.execute(sql`delete from recovery_cases where workspace_id = ${workspaceId} and contact_id = ${contactId}`);
  await tx.execute(sql`
    delete from escalations where workspace_id = ${workspaceId}
       and conversation_id in (select id from conversations where workspace_id = ${workspaceId} and contact_id = ${contactId})`);
}
