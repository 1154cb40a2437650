import { describe, expect, test } from 'vitest';
import { createConversation, expectStatus } from '../../../../test/support/factories.ts';
import { insightsApi } from '../../../../test/support/insights-api.ts';
import { expectProblem } from '../../../../test/support/problems.ts';
import type { VolumeAnalysis } from '../../../shared/contracts/metrics.ts';
import { addDays } from './dates.ts';

/**
 * A workspace in Asia/Tokyo with a regular weekly pattern: every Monday 10:00 two new
 * conversations and every Tuesday 14:00 five, for the 8 weeks before the week analysed
 * (04-13…04-19). In that week Monday 10:00 has nine (abnormal) and Tuesday 14:00 five.
 */
const PERIOD = 'from=2026-04-13&to=2026-04-19';

/** `count` conversations created at a local time in Tokyo (+09:00), with tags per index. */
async function created(day: string, time: string, count: number, tagsOf: (i: number) => string[] = () => []) {
  for (let i = 0; i < count; i++) {
    await createConversation(fixture.ws.api, { createdAt: `${day}T${time}:00+09:00`, tags: tagsOf(i) });
  }
}

const fixture = insightsApi(async () => {
  for (let week = 8; week >= 2; week--) {
    await created(addDays('2026-04-13', -7 * week), '10:05', 2);
    await created(addDays('2026-04-14', -7 * week), '14:10', 5);
  }
  // The previous period (04-06…04-12): both Monday ones tagged billing, two Tuesday ones login.
  await created('2026-04-06', '10:05', 2, () => ['billing']);
  await created('2026-04-07', '14:10', 5, (i) => (i < 2 ? ['login'] : []));
  // The period: Monday 10:00 five billing + four login; Tuesday 14:00 three billing+refund, two untagged.
  await created('2026-04-13', '10:20', 9, (i) => (i < 5 ? ['billing'] : ['login']));
  await created('2026-04-14', '14:30', 5, (i) => (i < 3 ? ['billing', 'refund'] : []));
});

describe('volume analysis', () => {
  test('topics: tags of the conversations created, share and change against the previous period', async () => {
    const analysis = expectStatus(await fixture.ws.api.get<VolumeAnalysis>(`/api/v1/metrics/volume?${PERIOD}`), 200);
    // 14 created in the period: billing 8 (57.142857 %), login 4 (28.571429 %), refund 3 (21.428571 %).
    // Previous: billing 2 → +300 %, login 2 → +100 %, refund 0 → no change figure.
    expect(analysis.topics.map((t) => [t.tag, t.created, t.previous])).toEqual([
      ['billing', 8, 2],
      ['login', 4, 2],
      ['refund', 3, 0],
    ]);
    expect(analysis.topics[0]?.share_percent).toBeCloseTo(57.142857, 5);
    expect(analysis.topics[1]?.share_percent).toBeCloseTo(28.571429, 5);
    expect(analysis.topics[2]?.share_percent).toBeCloseTo(21.428571, 5);
    expect(analysis.topics.map((t) => t.change_percent)).toEqual([300, 100, null]);

    // Filters apply: only conversations tagged login (4 in the period, 2 before).
    const login = expectStatus(
      await fixture.ws.api.get<VolumeAnalysis>(`/api/v1/metrics/volume?${PERIOD}&tag=login`),
      200,
    );
    expect(login.topics).toEqual([{ tag: 'login', created: 4, share_percent: 100, previous: 2, change_percent: 100 }]);
  });

  test('spikes: the abnormal hour against its usual weekday and hour, not the regular busy one', async () => {
    const analysis = expectStatus(await fixture.ws.api.get<VolumeAnalysis>(`/api/v1/metrics/volume?${PERIOD}`), 200);
    // Monday 10:00 JST (01:00 UTC): 9 against eight Mondays of 2 (sd 0 → 1): z = 7.
    // Tuesday 14:00: 5 against eight Tuesdays of 5: z = 0, though ≥ 5.
    expect(analysis.spikes).toEqual([
      { at: '2026-04-13T01:00:00.000Z', weekday: 1, hour: 10, created: 9, expected: 2, z: 7 },
    ]);
  });

  test('forecast: the week after `to`, from the last 4 weeks and their trend', async () => {
    const { forecast } = expectStatus(
      await fixture.ws.api.get<VolumeAnalysis>(`/api/v1/metrics/volume?${PERIOD}`),
      200,
    );
    // Last 4 weeks (03-23…04-19): Mondays 2 + 2 + 2 + 9 = 15, Tuesdays 4 × 5 = 20 → 35.
    // The 4 before (02-23…03-22): Mondays 4 × 2 = 8, Tuesdays 4 × 5 = 20 → 28. Trend 35 / 28 = 1.25.
    // Monday 04-20 10:00: 15 / 4 × 1.25 = 4.6875; Tuesday 04-21 14:00: 5 × 1.25 = 6.25.
    expect(forecast.from).toBe('2026-04-20');
    expect(forecast.to).toBe('2026-04-26');
    const monday = forecast.days.find((d) => d.day === '2026-04-20');
    expect(monday?.expected).toBeCloseTo(4.6875, 10);
    // 4.6875 ± 1.96 × √4.6875 = 4.6875 ± 4.243524.
    expect(monday?.low).toBeCloseTo(0.443976, 5);
    expect(monday?.high).toBeCloseTo(8.931024, 5);
    expect(forecast.hours.find((h) => h.day === '2026-04-21' && h.hour === 14)?.expected).toBeCloseTo(6.25, 10);
    expect(forecast.days.find((d) => d.day === '2026-04-22')).toEqual({
      day: '2026-04-22',
      expected: 0,
      low: 0,
      high: 0,
    });
  });

  test('bad periods name the field', async () => {
    expectProblem(await fixture.ws.api.get('/api/v1/metrics/volume?from=2026-04-19&to=2026-04-13'), 400, 'query.to');
    expectProblem(await fixture.ws.api.get('/api/v1/metrics/volume?from=2026-04-13'), 400, 'query.to');
    expectProblem(await fixture.ws.api.get(`/api/v1/metrics/volume?${PERIOD}&channel=fax`), 400, 'query.channel.0');
  });
});
