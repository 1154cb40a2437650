import { describe, expect, test } from 'vitest';
import { bandOf, bandScores, scoreBand } from './bands.ts';

describe('score bands', () => {
  test('each kind splits its scale as documented', () => {
    expect(bandScores('nps', 'negative')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(bandScores('nps', 'neutral')).toEqual([7, 8]);
    expect(bandScores('nps', 'positive')).toEqual([9, 10]);
    expect(bandScores('csat', 'negative')).toEqual([1, 2]);
    expect(bandScores('csat', 'positive')).toEqual([4, 5]);
    expect(bandScores('ces7', 'negative')).toEqual([1, 2, 3]);
    expect(bandScores('ces7', 'neutral')).toEqual([4]);
    expect(bandScores('ces7', 'positive')).toEqual([5, 6, 7]);
    // Effort: lower is better.
    expect(bandScores('ces5', 'positive')).toEqual([1, 2]);
    expect(bandScores('ces5', 'neutral')).toEqual([3]);
    expect(bandScores('ces5', 'negative')).toEqual([4, 5]);
  });

  test('custom ratings split in thirds; a two-point scale has no middle', () => {
    expect(bandScores('rating', 'positive', { min: 1, max: 10 })).toEqual([8, 9, 10]);
    expect(bandScores('rating', 'neutral', { min: 0, max: 1 })).toEqual([]);
    expect(scoreBand('rating', 1, { min: 0, max: 1 })).toBe('positive');
    expect(scoreBand('rating', 0, { min: 0, max: 1 })).toBe('negative');
  });

  test('NPS names are aliases of the generic ones', () => {
    expect(bandOf('detractor')).toBe('negative');
    expect(bandOf('passive')).toBe('neutral');
    expect(bandOf('promoter')).toBe('positive');
    expect(bandOf('neutral')).toBe('neutral');
  });
});
