import { describe, expect, it } from 'vitest';
import { formatDate, formatMinutes, formatRelative, languageName } from './format.ts';

const at = '2026-11-24T05:00:00Z';

describe('format', () => {
  it('writes dates the way each language does', () => {
    expect(formatDate(at, 'ja')).toBe('2026年11月24日');
    expect(formatDate(at, 'en')).toBe('Nov 24, 2026');
  });

  it('says how long ago, in words', () => {
    const now = Date.parse(at) + 5 * 60_000;
    expect(formatRelative(at, 'ja', now)).toBe('5 分前');
    expect(formatRelative(at, 'en', now)).toBe('5 min. ago');
    expect(formatRelative(at, 'en', Date.parse(at) + 3 * 86_400_000)).toBe('3 days ago');
  });

  it('names languages in the reader’s language', () => {
    expect(languageName('ja', 'en')).toBe('Japanese');
    expect(languageName('en', 'ja')).toBe('英語');
    expect(languageName(null, 'en')).toBeNull();
  });

  it('writes durations the way people say them', () => {
    expect(formatMinutes(135, 'ja')).toBe('2 時間 15 分');
    expect(formatMinutes(135, 'en')).toBe('2 h 15 min');
    expect(formatMinutes(2880, 'en')).toBe('2 days');
    expect(formatMinutes(30, 'ja')).toBe('30 分');
  });
});
