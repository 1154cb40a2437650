import { describe, expect, test } from 'vitest';
import type { SlaTargetSummary } from '../../shared/contracts/sla-targets.ts';
import { formatShortDuration, slaClockView } from './slaClock.ts';

const NOW = Date.parse('2026-03-02T03:00:00.000Z');
const target = (extra: Partial<SlaTargetSummary>): SlaTargetSummary => ({
  id: '0195f3a0-0000-7000-8000-000000000001',
  kind: 'first_response',
  sequence: 1,
  cycle: 1,
  status: 'active',
  policyId: '0195f3a0-0000-7000-8000-000000000002',
  policyName: 'Standard',
  targetSeconds: 7200,
  startedAt: '2026-03-02T02:00:00.000Z',
  dueAt: null,
  warnAt: null,
  remainingSeconds: null,
  warnedAt: null,
  breachedAt: null,
  ...extra,
});

describe('the SLA badge', () => {
  test('the nearest running deadline, red when overdue, amber once warned', () => {
    const soon = target({ dueAt: '2026-03-02T03:30:00.000Z', warnAt: '2026-03-02T03:06:00.000Z' });
    const later = target({ kind: 'resolution', dueAt: '2026-03-02T09:00:00.000Z', warnAt: '2026-03-02T07:00:00.000Z' });
    expect(slaClockView([later, soon], NOW)).toMatchObject({ target: soon, tone: 'running', seconds: 1800 });
    expect(slaClockView([later, soon], NOW + 6 * 60_000)).toMatchObject({ tone: 'warning', seconds: 1440 });
    expect(slaClockView([later, soon], NOW + 45 * 60_000)).toMatchObject({ tone: 'overdue', seconds: 900 });
  });

  test('paused clocks show the least time left; nothing open shows nothing', () => {
    const paused = [
      target({ kind: 'resolution', status: 'paused', remainingSeconds: 9000 }),
      target({ status: 'paused', remainingSeconds: 600 }),
    ];
    expect(slaClockView(paused, NOW)).toMatchObject({ tone: 'paused', seconds: 600 });
    expect(slaClockView([], NOW)).toBeNull();
  });

  test('durations in two units at most, in both languages', () => {
    expect(formatShortDuration(30, 'ja')).toBe('1 分');
    expect(formatShortDuration(12 * 60, 'en')).toBe('12 min');
    expect(formatShortDuration(3900, 'ja')).toBe('1 時間 5 分');
    expect(formatShortDuration(7200, 'en')).toBe('2 h');
    expect(formatShortDuration(2 * 86_400 + 3 * 3600 + 120, 'ja')).toBe('2 日 3 時間');
    expect(formatShortDuration(86_400, 'en')).toBe('1 d');
    // Coarse, for a list row: whole hours from two hours on, whole days from one day on.
    expect(formatShortDuration(3900, 'ja', true)).toBe('1 時間 5 分');
    expect(formatShortDuration(13 * 3600 + 22 * 60, 'en', true)).toBe('13 h');
    expect(formatShortDuration(2 * 86_400 + 3 * 3600 + 120, 'ja', true)).toBe('2 日');
  });
});
