import { z } from 'zod';
import { Id, PageQuery } from './common.ts';
import { Contact, LifecycleStage } from './customers.ts';

/**
 * A saved filter of contacts. Every field narrows the set (all must hold); within a list
 * any value matches. An empty filter is every contact of the workspace.
 */
export const SegmentFilter = z
  .object({
    /** Contact languages: "ja" also matches "ja-JP". */
    locales: z.array(z.string().trim().min(2).max(20)).min(1).max(20).optional(),
    companyIds: z.array(Id).min(1).max(100).optional(),
    /** The plan of the contact's company, as written on the company. */
    plans: z.array(z.string().trim().min(1).max(100)).min(1).max(20).optional(),
    /** The lifecycle stage of the contact's company. */
    lifecycleStages: z.array(LifecycleStage).min(1).max(4).optional(),
    /** true: has an email address; false: has none. */
    hasEmail: z.boolean().optional(),
    createdAfter: z.iso.datetime({ offset: true }).optional(),
    createdBefore: z.iso.datetime({ offset: true }).optional(),
    /** Contact attributes that must equal these values, e.g. { "tier": "gold" }. */
    attributes: z
      .record(z.string().min(1).max(100), z.union([z.string().max(500), z.number(), z.boolean()]))
      .refine((a) => Object.keys(a).length <= 20, 'at most 20 attributes')
      .optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.createdAfter && f.createdBefore && Date.parse(f.createdAfter) >= Date.parse(f.createdBefore)) {
      ctx.addIssue({ code: 'custom', path: ['createdBefore'], message: 'must be after createdAfter' });
    }
  });
export type SegmentFilter = z.infer<typeof SegmentFilter>;

export const Segment = z.object({
  id: Id,
  name: z.string(),
  filter: SegmentFilter,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Segment = z.infer<typeof Segment>;

export const CreateSegmentInput = z.object({
  name: z.string().trim().min(1).max(200),
  filter: SegmentFilter.default({}),
});
export type CreateSegmentInput = z.infer<typeof CreateSegmentInput>;

export const UpdateSegmentInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  filter: SegmentFilter.optional(),
});
export type UpdateSegmentInput = z.infer<typeof UpdateSegmentInput>;

export const SegmentListQuery = PageQuery;

/** The contacts a segment selects now (newest first) and how many there are. */
export const SegmentContacts = z.object({
  data: z.array(Contact),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type SegmentContacts = z.infer<typeof SegmentContacts>;

/** Try a filter before saving it: the count and the first contacts. */
export const SegmentPreviewInput = z.object({
  filter: SegmentFilter,
  limit: z.number().int().min(1).max(50).default(10),
});
