import { z } from 'zod';
import { Attributes, commaList, Id, PageQuery, TimeZone } from './common.ts';

export const LIFECYCLE_STAGES = ['lead', 'trial', 'customer', 'churned'] as const;
export const LifecycleStage = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof LifecycleStage>;

export const IDENTITY_KINDS = ['email', 'phone', 'external'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

const Email = z.email().max(320);
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()\-.]{5,30}$/, 'must be a phone number such as +81 3-1234-5678');
const ExternalId = z.string().trim().min(1).max(200);

export const Company = z.object({
  id: Id,
  name: z.string(),
  domain: z.string().nullable(),
  plan: z.string().nullable(),
  revenue: z.number().nullable(),
  lifecycleStage: LifecycleStage,
  attributes: Attributes,
  contactCount: z.number().int().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Company = z.infer<typeof Company>;

export const CreateCompanyInput = z.object({
  name: z.string().trim().min(1).max(200),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain such as example.co.jp')
    .nullable()
    .optional(),
  plan: z.string().trim().max(100).nullable().optional(),
  revenue: z.number().min(0).max(1e13).nullable().optional(),
  lifecycleStage: LifecycleStage.default('customer'),
  attributes: Attributes.default({}),
});
export type CreateCompanyInput = z.infer<typeof CreateCompanyInput>;
/** A PATCH changes only the fields it names: the create defaults do not apply. */
export const UpdateCompanyInput = CreateCompanyInput.extend({
  lifecycleStage: CreateCompanyInput.shape.lifecycleStage.unwrap(),
  attributes: CreateCompanyInput.shape.attributes.unwrap(),
}).partial();
export type UpdateCompanyInput = z.infer<typeof UpdateCompanyInput>;

export const CompanyListQuery = PageQuery.extend({ q: z.string().max(200).optional() });

export const Contact = z.object({
  id: Id,
  name: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  externalIds: z.array(z.string()),
  locale: z.string().nullable(),
  timeZone: z.string().nullable(),
  companyId: Id.nullable(),
  company: z.object({ id: Id, name: z.string() }).nullable(),
  attributes: Attributes,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Contact = z.infer<typeof Contact>;

export const CreateContactInput = z.object({
  name: z.string().trim().max(200).default(''),
  emails: z.array(Email).max(20).default([]),
  phones: z.array(Phone).max(20).default([]),
  externalIds: z.array(ExternalId).max(20).default([]),
  locale: z.string().trim().min(2).max(20).nullable().optional(),
  timeZone: TimeZone.nullable().optional(),
  companyId: Id.nullable().optional(),
  attributes: Attributes.default({}),
});
export type CreateContactInput = z.infer<typeof CreateContactInput>;
/** A PATCH changes only the fields it names (a list sent replaces that list): the create defaults do not apply. */
export const UpdateContactInput = CreateContactInput.extend({
  name: CreateContactInput.shape.name.unwrap(),
  emails: CreateContactInput.shape.emails.unwrap(),
  phones: CreateContactInput.shape.phones.unwrap(),
  externalIds: CreateContactInput.shape.externalIds.unwrap(),
  attributes: CreateContactInput.shape.attributes.unwrap(),
}).partial();
export type UpdateContactInput = z.infer<typeof UpdateContactInput>;

export const ContactListQuery = PageQuery.extend({
  q: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
  companyId: Id.optional(),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const MergeContactsInput = z.object({
  /** The contact that disappears; everything it had moves to the contact in the path. */
  sourceId: Id,
});

export const TIMELINE_KINDS = ['conversation', 'message', 'note', 'survey_response', 'recovery'] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineItem = z.object({
  id: Id,
  kind: TimelineKind,
  occurredAt: z.iso.datetime(),
  conversationId: Id.nullable(),
  channel: z.string().nullable(),
  /** conversation: its subject; message/note: the text; survey answer: the comment. */
  text: z.string(),
  authorType: z.string().nullable(),
  authorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelineQuery = PageQuery.extend({
  kinds: commaList(TimelineKind),
});
