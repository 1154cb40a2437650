import { describe, expect, it } from 'vitest';
import { metricsPath } from '../../api/metrics.ts';
import { formatDelta, formatDuration, formatFigure, isImprovement, METRIC_META, referenceText } from './figures.ts';

describe('Insights figures', () => {
  it('write durations the human way', () => {
    expect(formatDuration(45, 'ja')).toBe('45 秒');
    // 8,100 s = 2 h 15 min.
    expect(formatDuration(8100, 'ja')).toBe('2 時間 15 分');
    expect(formatDuration(8100, 'en')).toBe('2 h 15 min');
    // 2 days and more keep whole hours: 180,000 s = 50 h = 2 days 2 h.
    expect(formatDuration(180_000, 'en')).toBe('2 days 2 h');
  });

  it('sign changes in the figure’s unit', () => {
    expect(formatDelta(4.25, 'percent', 'en')).toBe('+4.3 pt');
    expect(formatDelta(-12, 'index', 'ja')).toBe('−12');
    expect(formatDelta(-1500, 'duration', 'ja')).toBe('−25 分');
    expect(formatFigure(1204, 'count', 'en')).toBe('1,204');
  });

  it('know which way is better', () => {
    expect(isImprovement(-600, METRIC_META['first_response.median_seconds'])).toBe(true);
    expect(isImprovement(-2, METRIC_META['csat.percent'])).toBe(false);
    expect(isImprovement(0.3, METRIC_META['ces5.average'])).toBe(false);
  });

  it('print a reference as its target, else its band', () => {
    const base = { metric: 'csat.percent' as const, source: 'industry' as const };
    expect(referenceText({ ...base, low: 70, high: 80, target: null }, 'percent', 'ja')).toBe('70〜80 %');
    expect(referenceText({ ...base, low: null, high: null, target: 7200 }, 'duration', 'en')).toBe('2 h');
  });

  it('send multi-select filters as repeated parameters', () => {
    const path = metricsPath(
      '/metrics',
      { from: '2026-03-01', to: '2026-03-31', channel: ['email', 'chat'], tag: [], businessHours: true },
      { by: 'day', compare: undefined },
    );
    expect(path).toBe('/metrics?from=2026-03-01&to=2026-03-31&channel=email&channel=chat&businessHours=true&by=day');
  });
});
