import { and, asc, eq, gt, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { Company, CreateCompanyInput, UpdateCompanyInput } from '../../../shared/contracts/customers.ts';
import type { Tx } from '../../db/client.ts';
import { companies, contacts } from '../../db/schema/index.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { newId } from '../../lib/id.ts';
import { presentCompany } from './presenters.ts';

async function assertDomainFree(tx: Tx, workspaceId: string, domain: string | null | undefined, exceptId?: string) {
  if (!domain) return;
  const [row] = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.domain, domain)))
    .limit(1);
  if (row && row.id !== exceptId) throw conflict('body.domain', `already belongs to company ${row.id}`);
}

async function contactCount(tx: Tx, workspaceId: string, companyId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(contacts)
    .where(
      and(eq(contacts.workspaceId, workspaceId), eq(contacts.companyId, companyId), isNull(contacts.mergedIntoId)),
    );
  return row?.count ?? 0;
}

export async function getCompany(tx: Tx, workspaceId: string, companyId: string): Promise<Company> {
  const [row] = await tx
    .select()
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, companyId)))
    .limit(1);
  if (!row) throw notFound('Company');
  return presentCompany(row, await contactCount(tx, workspaceId, companyId));
}

export async function createCompany(tx: Tx, workspaceId: string, input: CreateCompanyInput): Promise<Company> {
  await assertDomainFree(tx, workspaceId, input.domain);
  const [row] = await tx
    .insert(companies)
    .values({
      workspaceId,
      id: newId(),
      name: input.name,
      domain: input.domain ?? null,
      plan: input.plan ?? null,
      revenue: input.revenue ?? null,
      lifecycleStage: input.lifecycleStage,
      attributes: input.attributes,
    })
    .returning();
  if (!row) throw new Error('company insert returned nothing');
  return presentCompany(row, 0);
}

export async function updateCompany(
  tx: Tx,
  workspaceId: string,
  companyId: string,
  input: UpdateCompanyInput,
): Promise<Company> {
  const current = await getCompany(tx, workspaceId, companyId);
  if (input.domain !== undefined) await assertDomainFree(tx, workspaceId, input.domain, companyId);
  const fields: Partial<typeof companies.$inferInsert> = { updatedAt: new Date() };
  if (input.name !== undefined) fields.name = input.name;
  if (input.domain !== undefined) fields.domain = input.domain;
  if (input.plan !== undefined) fields.plan = input.plan;
  if (input.revenue !== undefined) fields.revenue = input.revenue;
  if (input.lifecycleStage !== undefined) fields.lifecycleStage = input.lifecycleStage;
  if (input.attributes !== undefined) fields.attributes = { ...current.attributes, ...input.attributes };
  await tx
    .update(companies)
    .set(fields)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, companyId)));
  return getCompany(tx, workspaceId, companyId);
}

/** Deleting a company keeps its contacts; they just lose the link. */
export async function deleteCompany(tx: Tx, workspaceId: string, companyId: string): Promise<void> {
  await getCompany(tx, workspaceId, companyId);
  await tx
    .update(contacts)
    .set({ companyId: null })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.companyId, companyId)));
  await tx.delete(companies).where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, companyId)));
}

export async function listCompanies(
  tx: Tx,
  workspaceId: string,
  query: { limit: number; cursor?: string | undefined; q?: string | undefined },
): Promise<Page<Company>> {
  const cursor = decodeCursor(query.cursor, 'text');
  const conditions = [eq(companies.workspaceId, workspaceId)];
  if (cursor) {
    conditions.push(
      or(gt(companies.name, cursor.at), and(eq(companies.name, cursor.at), gt(companies.id, cursor.id))) ?? sql`true`,
    );
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(companies.name, like), ilike(companies.domain, like)) ?? sql`true`);
  }
  const rows = await tx
    .select({
      company: companies,
      contactCount: sql<number>`(select count(*)::int from ${contacts} c where c.workspace_id = "companies"."workspace_id" and c.company_id = "companies"."id" and c.merged_into_id is null)`,
    })
    .from(companies)
    .where(and(...conditions))
    .orderBy(asc(companies.name), asc(companies.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.company.name, id: r.company.id }));
  return { data: page.data.map((r) => presentCompany(r.company, r.contactCount)), nextCursor: page.nextCursor };
}
