import { and, eq } from 'drizzle-orm';
import type { Contact } from '../../shared/contracts/customers.ts';
import type { Db } from '../db/client.ts';
import { contactIdentities, contacts } from '../db/schema/index.ts';
import { badRequest } from '../http/problem.ts';
import type { Actor } from '../modules/conversations/events.ts';
import { moveContact } from '../modules/conversations/service.ts';
import { getContact, getContactRow } from '../modules/customers/contacts.ts';
import { moveRecoveryContact } from '../modules/recovery/contact-data.ts';
import { moveSurveyContact } from '../modules/surveys/contact-data.ts';

/**
 * Merges `sourceId` into `targetId`: every conversation, message and identity
 * (emails, phones, external ids) of the source moves to the target, attributes
 * the target lacks are kept, and the source is marked merged (it answers 404 from then on).
 * Survey invitations and responses move too (the over-surveying rules then see both histories).
 */
export async function mergeContacts(
  db: Db,
  workspaceId: string,
  targetId: string,
  sourceId: string,
  actor: Actor,
): Promise<Contact> {
  if (targetId === sourceId) throw badRequest('body.sourceId', 'must be another contact');
  return db.transaction(async (tx) => {
    const target = await getContactRow(tx, workspaceId, targetId);
    const source = await getContactRow(tx, workspaceId, sourceId).catch(() => {
      throw badRequest('body.sourceId', 'is not a contact of this workspace');
    });
    const targetIdentities = await tx
      .select()
      .from(contactIdentities)
      .where(and(eq(contactIdentities.workspaceId, workspaceId), eq(contactIdentities.contactId, targetId)));
    const offset = targetIdentities.reduce((max, i) => Math.max(max, i.position + 1), 0);
    const sourceIdentities = await tx
      .select()
      .from(contactIdentities)
      .where(and(eq(contactIdentities.workspaceId, workspaceId), eq(contactIdentities.contactId, sourceId)));
    for (const identity of sourceIdentities) {
      await tx
        .update(contactIdentities)
        .set({ contactId: targetId, position: offset + identity.position })
        .where(
          and(
            eq(contactIdentities.workspaceId, workspaceId),
            eq(contactIdentities.kind, identity.kind),
            eq(contactIdentities.value, identity.value),
          ),
        );
    }
    await moveContact(tx, workspaceId, sourceId, targetId, actor);
    await moveSurveyContact(tx, workspaceId, sourceId, targetId);
    await moveRecoveryContact(tx, workspaceId, sourceId, targetId);
    await tx
      .update(contacts)
      .set({
        name: target.name || source.name,
        locale: target.locale ?? source.locale,
        timeZone: target.timeZone ?? source.timeZone,
        companyId: target.companyId ?? source.companyId,
        attributes: { ...source.attributes, ...target.attributes },
        updatedAt: new Date(),
      })
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, targetId)));
    await tx
      .update(contacts)
      .set({ mergedIntoId: targetId, updatedAt: new Date() })
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, sourceId)));
    return getContact(tx, workspaceId, targetId);
  });
}
