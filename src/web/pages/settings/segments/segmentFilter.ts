import type { LifecycleStage } from '../../../../shared/contracts/customers.ts';
import type { SegmentFilter } from '../../../../shared/contracts/segments.ts';

/** The conditions a segment can hold, in the order the builder offers them. */
export const CONDITION_FIELDS = [
  'locales',
  'lifecycleStages',
  'plans',
  'companyIds',
  'hasEmail',
  'createdAfter',
  'createdBefore',
  'attributes',
] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

/** What the builder edits: every condition's value as the form holds it, empty ones included. */
export interface FilterDraft {
  fields: ConditionField[];
  locales: string[];
  lifecycleStages: LifecycleStage[];
  plans: string[];
  companyIds: string[];
  hasEmail: boolean;
  /** Calendar dates (2026-11-01). */
  createdAfter: string;
  createdBefore: string;
  attributes: { key: string; value: string }[];
}

export const emptyDraft = (): FilterDraft => ({
  fields: [],
  locales: [],
  lifecycleStages: [],
  plans: [],
  companyIds: [],
  hasEmail: true,
  createdAfter: '',
  createdBefore: '',
  attributes: [{ key: '', value: '' }],
});

const dateOf = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');

export function draftOfFilter(filter: SegmentFilter): FilterDraft {
  const draft = emptyDraft();
  draft.fields = CONDITION_FIELDS.filter((field) => filter[field] !== undefined);
  draft.locales = filter.locales ?? [];
  draft.lifecycleStages = filter.lifecycleStages ?? [];
  draft.plans = filter.plans ?? [];
  draft.companyIds = filter.companyIds ?? [];
  draft.hasEmail = filter.hasEmail ?? true;
  draft.createdAfter = dateOf(filter.createdAfter);
  draft.createdBefore = dateOf(filter.createdBefore);
  if (filter.attributes) {
    draft.attributes = Object.entries(filter.attributes).map(([key, value]) => ({ key, value: String(value) }));
  }
  return draft;
}

/** The filter to save: conditions still empty are left out (an empty filter is every contact). */
export function filterOfDraft(draft: FilterDraft): SegmentFilter {
  const filter: SegmentFilter = {};
  const has = (field: ConditionField) => draft.fields.includes(field);
  if (has('locales') && draft.locales.length) filter.locales = draft.locales;
  if (has('lifecycleStages') && draft.lifecycleStages.length) filter.lifecycleStages = draft.lifecycleStages;
  if (has('plans') && draft.plans.length) filter.plans = draft.plans;
  if (has('companyIds') && draft.companyIds.length) filter.companyIds = draft.companyIds;
  if (has('hasEmail')) filter.hasEmail = draft.hasEmail;
  // Dates are the start of the day in UTC: a plain, predictable boundary.
  if (has('createdAfter') && draft.createdAfter) filter.createdAfter = `${draft.createdAfter}T00:00:00Z`;
  if (has('createdBefore') && draft.createdBefore) filter.createdBefore = `${draft.createdBefore}T00:00:00Z`;
  if (has('attributes')) {
    const pairs = draft.attributes.filter((a) => a.key.trim());
    if (pairs.length) filter.attributes = Object.fromEntries(pairs.map((a) => [a.key.trim(), a.value]));
  }
  return filter;
}
