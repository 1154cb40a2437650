import { describe, expect, it } from 'vitest';
import { draftOfFilter, emptyDraft, filterOfDraft } from './segmentFilter.ts';

describe('segment filter builder', () => {
  it('leaves out conditions that are still empty', () => {
    const draft = { ...emptyDraft(), fields: ['locales', 'plans', 'hasEmail'] as const };
    expect(filterOfDraft({ ...draft, fields: [...draft.fields], locales: ['ja'] })).toEqual({
      locales: ['ja'],
      hasEmail: true,
    });
  });

  it('round-trips a saved filter', () => {
    const filter = {
      lifecycleStages: ['customer' as const],
      createdAfter: '2026-01-01T00:00:00Z',
      attributes: { tier: 'gold' },
    };
    expect(filterOfDraft(draftOfFilter(filter))).toEqual(filter);
  });
});
