import type { Db } from '../db/client.ts';
import { deleteConversationsOfContact } from '../modules/conversations/service.ts';
import { deleteContactRecord, getContactRow } from '../modules/customers/contacts.ts';
import { deleteRecoveryDataOfContact } from '../modules/recovery/contact-data.ts';
import { deleteSurveyDataOfContact } from '../modules/surveys/contact-data.ts';

/**
 * Right to erasure (APPI, GDPR): the contact, the contacts merged into it, their
 * identities, every conversation with its messages and events, and every survey
 * invitation and response (with its answers) are deleted in one transaction.
 */
export async function eraseContact(db: Db, workspaceId: string, contactId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await getContactRow(tx, workspaceId, contactId);
    await deleteSurveyDataOfContact(tx, workspaceId, contactId);
    await deleteRecoveryDataOfContact(tx, workspaceId, contactId);
    await deleteConversationsOfContact(tx, workspaceId, contactId);
    await deleteContactRecord(tx, workspaceId, contactId);
  });
}
