import { describe, expect, it } from 'vitest';
import { daysBetween, periodRange, trendBucket } from './period.ts';

// 2026-03-10 23:30 UTC is already 2026-03-11 08:30 in Tokyo.
const now = new Date('2026-03-10T23:30:00Z');

describe('Insights periods', () => {
  it('count both ends in the workspace time zone', () => {
    expect(periodRange('7d', 'Asia/Tokyo', undefined, now)).toEqual({ from: '2026-03-05', to: '2026-03-11' });
    expect(periodRange('7d', 'UTC', undefined, now)).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    // 30 days ending 2026-03-11: 11 in March + 19 in February (10 … 28).
    expect(periodRange('30d', 'Asia/Tokyo', undefined, now)).toEqual({ from: '2026-02-10', to: '2026-03-11' });
    expect(daysBetween('2026-02-10', '2026-03-11')).toBe(30);
  });

  it('cover this and last calendar month', () => {
    expect(periodRange('thisMonth', 'Asia/Tokyo', undefined, now)).toEqual({ from: '2026-03-01', to: '2026-03-11' });
    expect(periodRange('lastMonth', 'Asia/Tokyo', undefined, now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('take a custom range only when it is whole and in order', () => {
    const custom = { from: '2026-01-05', to: '2026-01-20' };
    expect(periodRange('custom', 'UTC', custom, now)).toEqual(custom);
    expect(periodRange('custom', 'UTC', { from: '2026-01-20', to: '2026-01-05' }, now).to).toBe('2026-03-10');
  });

  it('draw days up to two months, weeks beyond', () => {
    expect(trendBucket('2026-01-01', '2026-03-03')).toBe('day'); // 62 days
    expect(trendBucket('2026-01-01', '2026-03-04')).toBe('week'); // 63 days
  });
});
