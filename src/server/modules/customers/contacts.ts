import { and, desc, eq, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type {
  Contact,
  ContactListQuery,
  CreateContactInput,
  IdentityKind,
  UpdateContactInput,
} from '../../../shared/contracts/customers.ts';
import type { Tx } from '../../db/client.ts';
import { companies, contactIdentities, contacts } from '../../db/schema/index.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { newId } from '../../lib/id.ts';
import { presentContact } from './presenters.ts';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
export const normalisePhone = (phone: string) => phone.replace(/[^0-9+]/g, '');

function identityRows(input: { emails?: string[]; phones?: string[]; externalIds?: string[] }) {
  const rows: { kind: IdentityKind; value: string; position: number; field: string }[] = [];
  for (const [kind, list, name] of [
    ['email', input.emails, 'emails'],
    ['phone', input.phones, 'phones'],
    ['external', input.externalIds, 'externalIds'],
  ] as const) {
    for (const [i, raw] of (list ?? []).entries()) {
      const value = kind === 'email' ? normaliseEmail(raw) : kind === 'phone' ? normalisePhone(raw) : raw.trim();
      rows.push({ kind, value, position: i, field: `${name}.${i}` });
    }
  }
  return rows;
}

/** Each email, phone and external id belongs to one contact: a clash is a 409 naming the field. */
async function writeIdentities(
  tx: Tx,
  workspaceId: string,
  contactId: string,
  input: { emails?: string[]; phones?: string[]; externalIds?: string[] },
  /** new: the contact was just inserted (nothing to replace); unclaimed: the caller just found these identities free. */
  mode: 'update' | 'new' | 'unclaimed' = 'update',
): Promise<void> {
  const rows = identityRows(input);
  const kinds = (['email', 'phone', 'external'] as const).filter((k) =>
    k === 'email' ? input.emails : k === 'phone' ? input.phones : input.externalIds,
  );
  if (kinds.length === 0) return;
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.kind}:${row.value}`;
    if (seen.has(key)) throw badRequest(`body.${row.field}`, 'is listed twice');
    seen.add(key);
  }
  if (rows.length > 0 && mode !== 'unclaimed') {
    const taken = await tx
      .select()
      .from(contactIdentities)
      .where(
        and(
          eq(contactIdentities.workspaceId, workspaceId),
          or(...rows.map((r) => and(eq(contactIdentities.kind, r.kind), eq(contactIdentities.value, r.value)))),
        ),
      );
    const clash = taken.find((t) => t.contactId !== contactId);
    if (clash) {
      const field = rows.find((r) => r.kind === clash.kind && r.value === clash.value)?.field ?? 'emails';
      throw conflict(`body.${field}`, `already belongs to contact ${clash.contactId}`);
    }
  }
  if (mode === 'update') {
    await tx
      .delete(contactIdentities)
      .where(
        and(
          eq(contactIdentities.workspaceId, workspaceId),
          eq(contactIdentities.contactId, contactId),
          inArray(contactIdentities.kind, kinds),
        ),
      );
  }
  if (rows.length > 0) {
    await tx
      .insert(contactIdentities)
      .values(rows.map((r) => ({ workspaceId, contactId, kind: r.kind, value: r.value, position: r.position })));
  }
}

async function assertCompany(tx: Tx, workspaceId: string, companyId: string | null | undefined): Promise<void> {
  if (!companyId) return;
  const [row] = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, companyId)))
    .limit(1);
  if (!row) throw badRequest('body.companyId', 'is not a company of this workspace');
}

async function present(tx: Tx, workspaceId: string, rows: (typeof contacts.$inferSelect)[]): Promise<Contact[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const identities = await tx
    .select()
    .from(contactIdentities)
    .where(and(eq(contactIdentities.workspaceId, workspaceId), inArray(contactIdentities.contactId, ids)));
  const companyIds = [...new Set(rows.map((r) => r.companyId).filter((id): id is string => Boolean(id)))];
  const companyRows = companyIds.length
    ? await tx
        .select({ id: companies.id, name: companies.name })
        .from(companies)
        .where(and(eq(companies.workspaceId, workspaceId), inArray(companies.id, companyIds)))
    : [];
  const companyById = new Map(companyRows.map((c) => [c.id, c]));
  return rows.map((row) =>
    presentContact(
      row,
      identities.filter((i) => i.contactId === row.id),
      row.companyId ? (companyById.get(row.companyId) ?? null) : null,
    ),
  );
}

export async function getContactRow(tx: Tx, workspaceId: string, contactId: string) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId), isNull(contacts.mergedIntoId)))
    .limit(1);
  if (!row) throw notFound('Contact');
  return row;
}

export async function getContact(tx: Tx, workspaceId: string, contactId: string): Promise<Contact> {
  const [contact] = await present(tx, workspaceId, [await getContactRow(tx, workspaceId, contactId)]);
  if (!contact) throw notFound('Contact');
  return contact;
}

export async function getContacts(tx: Tx, workspaceId: string, ids: string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, [...new Set(ids)])));
  return present(tx, workspaceId, rows);
}

/** Inserts a contact and its identities; returns its id (resolveCustomer needs no presenter). */
async function insertContact(
  tx: Tx,
  workspaceId: string,
  input: CreateContactInput,
  now: Date,
  identitiesUnclaimed = false,
): Promise<string> {
  await assertCompany(tx, workspaceId, input.companyId);
  const id = newId(now.getTime());
  await tx.insert(contacts).values({
    workspaceId,
    id,
    name: input.name,
    locale: input.locale ?? null,
    timeZone: input.timeZone ?? null,
    companyId: input.companyId ?? null,
    attributes: input.attributes,
    createdAt: now,
    updatedAt: now,
  });
  await writeIdentities(tx, workspaceId, id, input, identitiesUnclaimed ? 'unclaimed' : 'new');
  return id;
}

export async function createContact(
  tx: Tx,
  workspaceId: string,
  input: CreateContactInput,
  now = new Date(),
): Promise<Contact> {
  return getContact(tx, workspaceId, await insertContact(tx, workspaceId, input, now));
}

export async function updateContact(
  tx: Tx,
  workspaceId: string,
  contactId: string,
  input: UpdateContactInput,
): Promise<Contact> {
  const row = await getContactRow(tx, workspaceId, contactId);
  await assertCompany(tx, workspaceId, input.companyId);
  const fields: Partial<typeof contacts.$inferInsert> = { updatedAt: new Date() };
  if (input.name !== undefined) fields.name = input.name;
  if (input.locale !== undefined) fields.locale = input.locale;
  if (input.timeZone !== undefined) fields.timeZone = input.timeZone;
  if (input.companyId !== undefined) fields.companyId = input.companyId;
  if (input.attributes !== undefined) fields.attributes = { ...row.attributes, ...input.attributes };
  await tx
    .update(contacts)
    .set(fields)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  await writeIdentities(tx, workspaceId, contactId, input);
  return getContact(tx, workspaceId, contactId);
}

export async function listContacts(tx: Tx, workspaceId: string, query: ContactListQuery): Promise<Page<Contact>> {
  const cursor = decodeCursor(query.cursor);
  const conditions = [eq(contacts.workspaceId, workspaceId), isNull(contacts.mergedIntoId)];
  if (cursor) {
    conditions.push(
      or(
        lt(contacts.createdAt, new Date(cursor.at)),
        and(eq(contacts.createdAt, new Date(cursor.at)), lt(contacts.id, cursor.id)),
      ) ?? sql`true`,
    );
  }
  if (query.companyId) conditions.push(eq(contacts.companyId, query.companyId));
  if (query.email) {
    conditions.push(
      sql`exists (select 1 from ${contactIdentities} i where i.workspace_id = ${workspaceId} and i.kind = 'email' and i.value = ${normaliseEmail(query.email)} and i.contact_id = "contacts"."id")`,
    );
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(contacts.name, like),
        sql`exists (select 1 from ${contactIdentities} i where i.workspace_id = ${workspaceId} and i.contact_id = ${contacts.id} and i.value ilike ${like})`,
      ) ?? sql`true`,
    );
  }
  const rows = await tx
    .select()
    .from(contacts)
    .where(and(...conditions))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { data: await present(tx, workspaceId, page.data), nextCursor: page.nextCursor };
}

/** The contact owning an email, phone or external id, if any. */
export async function findContactByIdentity(
  tx: Tx,
  workspaceId: string,
  kind: IdentityKind,
  raw: string,
): Promise<string | null> {
  const value = kind === 'email' ? normaliseEmail(raw) : kind === 'phone' ? normalisePhone(raw) : raw.trim();
  const [row] = await tx
    .select({ contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(
      and(
        eq(contactIdentities.workspaceId, workspaceId),
        eq(contactIdentities.kind, kind),
        eq(contactIdentities.value, value),
      ),
    )
    .limit(1);
  return row?.contactId ?? null;
}

export interface CustomerRefInput {
  contactId?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  externalId?: string | undefined;
  name?: string | undefined;
  locale?: string | undefined;
}

/**
 * Finds the contact a channel message comes from, by id or by any identity, and
 * creates it when nobody matches: the same person is one contact on every channel.
 */
export interface ResolvedCustomer {
  id: string;
  companyId: string | null;
  locale: string | null;
}

export async function resolveCustomer(
  tx: Tx,
  workspaceId: string,
  ref: CustomerRefInput,
  now = new Date(),
): Promise<ResolvedCustomer> {
  const pick = { id: contacts.id, companyId: contacts.companyId, locale: contacts.locale };
  if (ref.contactId) {
    const [row] = await tx
      .select(pick)
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, ref.contactId), isNull(contacts.mergedIntoId)))
      .limit(1);
    if (!row) throw badRequest('body.customer.contactId', 'is not a contact of this workspace');
    return row;
  }
  const identities = identityRows({
    emails: ref.email ? [ref.email] : [],
    phones: ref.phone ? [ref.phone] : [],
    externalIds: ref.externalId ? [ref.externalId] : [],
  });
  // One lookup for every identity given; an email match wins over phone, phone over external id.
  const found = await tx
    .select({ ...pick, kind: contactIdentities.kind })
    .from(contactIdentities)
    .innerJoin(
      contacts,
      and(eq(contacts.workspaceId, contactIdentities.workspaceId), eq(contacts.id, contactIdentities.contactId)),
    )
    .where(
      and(
        eq(contactIdentities.workspaceId, workspaceId),
        or(...identities.map((i) => and(eq(contactIdentities.kind, i.kind), eq(contactIdentities.value, i.value)))),
      ),
    );
  const order = ['email', 'phone', 'external'];
  const match = found.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
  if (match) return { id: match.id, companyId: match.companyId, locale: match.locale };
  const emailDomain = ref.email?.split('@')[1]?.toLowerCase();
  let companyId: string | null = null;
  if (emailDomain) {
    const [company] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.workspaceId, workspaceId), eq(companies.domain, emailDomain)))
      .limit(1);
    companyId = company?.id ?? null;
  }
  const locale = ref.locale ?? null;
  const id = await insertContact(
    tx,
    workspaceId,
    {
      name: ref.name ?? ref.email?.split('@')[0] ?? '',
      emails: ref.email ? [ref.email] : [],
      phones: ref.phone ? [ref.phone] : [],
      externalIds: ref.externalId ? [ref.externalId] : [],
      locale,
      companyId,
      attributes: {},
    },
    now,
    true,
  );
  return { id, companyId, locale };
}

/** Deletes the contact row and its identities (the erase command removes the rest first). */
export async function deleteContactRecord(tx: Tx, workspaceId: string, contactId: string): Promise<void> {
  await tx
    .delete(contactIdentities)
    .where(and(eq(contactIdentities.workspaceId, workspaceId), eq(contactIdentities.contactId, contactId)));
  await tx
    .delete(contacts)
    .where(
      and(eq(contacts.workspaceId, workspaceId), or(eq(contacts.id, contactId), eq(contacts.mergedIntoId, contactId))),
    );
}
