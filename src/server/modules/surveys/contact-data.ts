import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/** Merge support: a contact's invitations and responses move to the contact it is merged into. */
export async function moveSurveyContact(tx: Tx, workspaceId: string, fromId: string, toId: string): Promise<void> {
  await tx.execute(
    sql`update survey_invitations set contact_id = ${toId} where workspace_id = ${workspaceId} and contact_id = ${fromId}`,
  );
  await tx.execute(
    sql`update survey_responses set contact_id = ${toId} where workspace_id = ${workspaceId} and contact_id = ${fromId}`,
  );
}

/** Erasure support: a contact's responses (with every answer) and invitations are deleted. */
export async function deleteSurveyDataOfContact(tx: Tx, workspaceId: string, contactId: string): Promise<void> {
  await tx.execute(sql`
    delete from survey_answers a using survey_responses r
     where a.workspace_id = ${workspaceId} and r.workspace_id = a.workspace_id and r.id = a.response_id
       and r.contact_id = ${contactId}`);
  await tx.execute(sql`delete from survey_responses where workspace_id = ${workspaceId} and contact_id = ${contactId}`);
  // The invitation and reminder emails hold the address and name too (the suppression list stays: it honours an opt-out).
  await tx.execute(sql`
    delete from email_messages m using survey_invitations i
     where m.workspace_id = ${workspaceId} and i.workspace_id = m.workspace_id and i.id = m.ref_id
       and i.contact_id = ${contactId}`);
  await tx.execute(
    sql`delete from survey_invitations where workspace_id = ${workspaceId} and contact_id = ${contactId}`,
  );
}
