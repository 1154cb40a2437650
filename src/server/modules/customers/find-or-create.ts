import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { companies, contacts } from '../../db/schema/index.ts';
import { newId } from '../../lib/id.ts';
import { createContact, findContactByIdentity, normaliseEmail } from './contacts.ts';

/**
 * Find-or-create by natural keys, for imports of history: a company by its domain, a
 * contact by its email identity (identities are unique per contact, so the same person
 * is found again on every run and every channel).
 */

export async function findOrCreateCompanyByDomain(tx: Tx, workspaceId: string, rawDomain: string): Promise<string> {
  const domain = rawDomain.trim().toLowerCase();
  const [found] = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.domain, domain)))
    .limit(1);
  if (found) return found.id;
  const id = newId();
  await tx.insert(companies).values({ workspaceId, id, name: domain, domain });
  return id;
}

export interface FoundContact {
  id: string;
  companyId: string | null;
  locale: string | null;
}

/**
 * The contact owning `email`, linked to `companyId` when it has no company yet; or a new
 * contact with that email, name and company. Without an email, a new contact with the name.
 */
export async function findOrCreateContactByEmail(
  tx: Tx,
  workspaceId: string,
  input: { email: string | null; name: string; companyId: string | null },
  now: Date,
): Promise<FoundContact> {
  const existingId = input.email ? await findContactByIdentity(tx, workspaceId, 'email', input.email) : null;
  if (existingId) {
    const [row] = await tx
      .select({ id: contacts.id, companyId: contacts.companyId, locale: contacts.locale })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, existingId), isNull(contacts.mergedIntoId)))
      .limit(1);
    if (row) {
      if (input.companyId && !row.companyId) {
        await tx
          .update(contacts)
          .set({ companyId: input.companyId, updatedAt: new Date() })
          .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, row.id)));
        return { ...row, companyId: input.companyId };
      }
      return row;
    }
  }
  const email = input.email ? normaliseEmail(input.email) : null;
  const created = await createContact(
    tx,
    workspaceId,
    {
      name: input.name || (email?.split('@')[0] ?? ''),
      emails: email ? [email] : [],
      phones: [],
      externalIds: [],
      companyId: input.companyId,
      attributes: {},
    },
    now,
  );
  return { id: created.id, companyId: input.companyId, locale: null };
}
