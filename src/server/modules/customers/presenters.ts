import type { Company, Contact } from '../../../shared/contracts/customers.ts';
import type { companies, contactIdentities, contacts } from '../../db/schema/index.ts';

type IdentityRow = typeof contactIdentities.$inferSelect;

export function presentContact(
  row: typeof contacts.$inferSelect,
  identities: IdentityRow[],
  company: { id: string; name: string } | null,
): Contact {
  const sorted = [...identities].sort((a, b) => a.position - b.position);
  const values = (kind: IdentityRow['kind']) => sorted.filter((i) => i.kind === kind).map((i) => i.value);
  return {
    id: row.id,
    name: row.name,
    emails: values('email'),
    phones: values('phone'),
    externalIds: values('external'),
    locale: row.locale,
    timeZone: row.timeZone,
    companyId: row.companyId,
    company,
    attributes: row.attributes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentCompany(row: typeof companies.$inferSelect, contactCount?: number): Company {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    plan: row.plan,
    revenue: row.revenue,
    lifecycleStage: row.lifecycleStage,
    attributes: row.attributes,
    ...(contactCount === undefined ? {} : { contactCount }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
