import { describe, expect, it } from 'vitest';
import { formatInterval, formatPercent, formatScoreValue, kindShortName, scalePoints } from './surveyScores.ts';

describe('score formatting', () => {
  it('writes percentages, signed indexes and means for each language', () => {
    expect(formatScoreValue(82.4, 'percent', 'en')).toBe('82 %');
    expect(formatScoreValue(23, 'index', 'ja')).toBe('+23');
    expect(formatScoreValue(-12, 'index', 'en')).toBe('−12');
    expect(formatScoreValue(0, 'index', 'en')).toBe('0');
    expect(formatScoreValue(5.64, 'mean', 'en')).toBe('5.6');
    expect(formatPercent(0.425, 'ja')).toBe('43 %');
  });

  it('writes intervals with a dash that cannot be read as a minus sign', () => {
    expect(formatInterval([75.2, 86.9], 'percent', 'en')).toBe('75–87 %');
    expect(formatInterval([75.2, 86.9], 'percent', 'ja')).toBe('75〜87 %');
    expect(formatInterval([-5, 40], 'index', 'en')).toBe('−5 to +40');
    expect(formatInterval([5.21, 5.94], 'mean', 'en')).toBe('5.2–5.9');
  });

  it('names kinds and lists every point of a scale', () => {
    expect(kindShortName('ces5')).toBe('CES');
    expect(kindShortName('rating')).toBeNull();
    expect(scalePoints({ min: 0, max: 10 })).toHaveLength(11);
  });
});
