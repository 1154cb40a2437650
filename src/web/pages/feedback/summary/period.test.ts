import { describe, expect, it } from 'vitest';
import { localDate, periodFilters } from './period.ts';

describe('summary periods', () => {
  const now = new Date('2026-11-24T20:00:00Z');

  it('reads dates in the workspace time zone', () => {
    expect(localDate(now, 'Asia/Tokyo')).toBe('2026-11-25');
    expect(localDate(now, 'UTC')).toBe('2026-11-24');
  });

  it('covers the last N days including today, with a bucket that fits', () => {
    expect(periodFilters('7d', 'UTC', now)).toEqual({ from: '2026-11-18', to: '2026-11-24', bucket: 'day' });
    expect(periodFilters('90d', 'UTC', now).bucket).toBe('week');
    expect(periodFilters('all', 'UTC', now)).toEqual({ bucket: 'month' });
  });
});
