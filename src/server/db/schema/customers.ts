import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { IdentityKind, LifecycleStage } from '../../../shared/contracts/customers.ts';
import { tz, workspaceId } from './columns.ts';

export const companies = pgTable(
  'companies',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    domain: text('domain'),
    plan: text('plan'),
    /** Annual revenue in the workspace currency. */
    revenue: numeric('revenue', { precision: 16, scale: 2, mode: 'number' }),
    lifecycleStage: text('lifecycle_stage').$type<LifecycleStage>().notNull().default('customer'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('companies_domain_key').on(t.workspaceId, t.domain).where(sql`${t.domain} is not null`),
    index('companies_name_idx').on(t.workspaceId, t.name),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    name: text('name').notNull().default(''),
    locale: text('locale'),
    timeZone: text('time_zone'),
    companyId: uuid('company_id'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    /** Set when this contact was merged into another; such rows are hidden everywhere. */
    mergedIntoId: uuid('merged_into_id'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('contacts_company_idx').on(t.workspaceId, t.companyId),
    index('contacts_created_idx').on(t.workspaceId, t.createdAt, t.id),
  ],
);

/** Emails, phones and external ids of a contact: each value belongs to one contact of a workspace. */
export const contactIdentities = pgTable(
  'contact_identities',
  {
    workspaceId: workspaceId(),
    kind: text('kind').$type<IdentityKind>().notNull(),
    value: text('value').notNull(),
    contactId: uuid('contact_id').notNull(),
    position: smallint('position').notNull().default(0),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    primaryKey({ columns: [t.workspaceId, t.kind, t.value] }),
    index('contact_identities_contact_idx').on(t.workspaceId, t.contactId),
  ],
);
