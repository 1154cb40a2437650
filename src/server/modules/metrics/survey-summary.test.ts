import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestWorkspace, expectStatus, type TestWorkspace } from '../../../../test/support/factories.ts';
import { startTestServer, type TestServer } from '../../../../test/support/server.ts';
import { answer, answerScores, createSurvey, offerLink } from '../../../../test/support/surveys.ts';
import type { SurveySummary } from '../../../shared/contracts/survey-results.ts';

let server: TestServer;
let ws: TestWorkspace;
beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
});
afterAll(() => server?.close());

const summaryOf = async (surveyId: string, query = '') =>
  expectStatus(await ws.api.get<SurveySummary>(`/api/v1/surveys/${surveyId}/summary${query}`), 200, 'summary');
const scores = (surveyId: string, list: (number | null)[], extra = {}) =>
  answerScores(server.app, server.url, ws.workspaceId, surveyId, list, extra);

describe('survey summary: metric definitions with hand-computed numbers', () => {
  test('NPS with skipped answers', async () => {
    const survey = await createSurvey(ws.api, { template: 'nps_relationship' });
    await scores(survey.id, [10, 9, 9, 8, 7, 6, 0, null, null]);
    // Delivered but never answered, opened, and one still scheduled (not delivered).
    await offerLink(server.app, ws.workspaceId, survey.id);
    const opened = await offerLink(server.app, ws.workspaceId, survey.id);
    expect((await ws.api.get(`/api/v1/public/surveys/${opened.token}`)).status).toBe(200);
    await server.app.database.pool.query(
      `update survey_invitations set status = 'scheduled' where workspace_id = $1 and id = $2`,
      [ws.workspaceId, (await offerLink(server.app, ws.workspaceId, survey.id)).invitationId],
    );

    const summary = await summaryOf(survey.id);
    // n = 7 (the two skipped are in no denominator); p⁺ = 3/7, p⁻ = 2/7;
    // NPS = 100 × (3 − 2) / 7 = 14.2857.
    // SE = √((p⁺ + p⁻) − (p⁺ − p⁻)²) / √n = √(5/7 − 1/49) / √7 = √0.693878 / 2.645751 = 0.314842;
    // 95 %: 14.2857 ± 100 × 1.959964 × 0.314842 = 14.2857 ± 61.708 → [−47.422, 75.994].
    expect(summary).toMatchObject({ kind: 'nps', unit: 'index', lowerIsBetter: false, skipped: 2 });
    expect(summary.score.n).toBe(7);
    expect(summary.score.value).toBeCloseTo(14.2857, 3);
    expect(summary.score.ci95?.[0]).toBeCloseTo(-47.422, 2);
    expect(summary.score.ci95?.[1]).toBeCloseTo(75.994, 2);
    expect(summary.bands).toEqual({ negative: 2, neutral: 2, positive: 3 });
    expect(summary.positiveShare.value).toBeCloseTo(42.857, 2);
    // Mean 49 / 7 = 7.
    expect(summary.average.value).toBeCloseTo(7, 10);
    expect(summary.distribution).toEqual([1, 0, 0, 0, 0, 0, 1, 1, 1, 2, 1].map((count, score) => ({ score, count })));
    // 9 responses (skipped scores are still responses) of 11 delivered; the scheduled one is not delivered.
    expect(summary.responseRate).toEqual({ responses: 9, delivered: 11, rate: 9 / 11 });
    expect(summary.funnel).toEqual({ delivered: 11, opened: 10, answered: 9, dismissed: 0 });
  });

  test('CSAT: top-2-box with a Wilson interval, and the average rating with a t-interval', async () => {
    const survey = await createSurvey(ws.api, { template: 'csat_support' });
    await scores(survey.id, [5, 4, 4, 3, 1, null], { comment: 'ありがとうございました' });
    const summary = await summaryOf(survey.id);
    // 3 of 5 scored 4–5 → 60 %. Wilson: z² = 3.841459, centre = (0.6 + 0.384146) / 1.768292 = 0.556552,
    // half = 1.959964 × √(0.6 × 0.4 / 5 + 3.841459 / 100) / 1.768292 = 0.325830 → [23.072 %, 88.238 %].
    expect(summary).toMatchObject({ kind: 'csat', unit: 'percent', skipped: 1 });
    expect(summary.score.n).toBe(5);
    expect(summary.score.value).toBeCloseTo(60, 10);
    expect(summary.score.ci95?.[0]).toBeCloseTo(23.072, 2);
    expect(summary.score.ci95?.[1]).toBeCloseTo(88.238, 2);
    // Mean 17 / 5 = 3.4; s² = 9.2 / 4 = 2.3, s/√5 = 0.678233, t(0.975, 4) = 2.776445 →
    // 3.4 ± 1.883076 = [1.516924, 5.283076], the upper end clamped to the scale's 5.
    expect(summary.average.value).toBeCloseTo(3.4, 10);
    expect(summary.average.ci95?.[0]).toBeCloseTo(1.516924, 5);
    expect(summary.average.ci95?.[1]).toBe(5);
    expect(summary.distribution).toEqual([
      { score: 1, count: 1 },
      { score: 2, count: 0 },
      { score: 3, count: 1 },
      { score: 4, count: 2 },
      { score: 5, count: 1 },
    ]);
    expect(summary.latestComments).toHaveLength(6);
    expect(summary.latestComments[0]).toMatchObject({ comment: 'ありがとうございました', score: null });
  });

  test('CES 2.0 (1–7) and CES effort (1–5) are never mixed', async () => {
    const ces7 = await createSurvey(ws.api, { template: 'ces_resolution' });
    const ces5 = await createSurvey(ws.api, {
      template: undefined,
      definition: {
        kind: 'ces5',
        questions: [{ id: 'score', type: 'score', prompt: { en: 'How much effort did it take?' } }],
        thankYou: { en: 'Thank you' },
        defaultLanguage: 'en',
      },
    });
    await scores(ces7.id, [7, 6, 5, 4, 2]);
    await scores(ces5.id, [1, 2, 2, 5]);

    const seven = await summaryOf(ces7.id);
    // Mean 24 / 5 = 4.8; agree (5–7) 3 of 5 = 60 %. Σx² = 130, s² = (130 − 5 × 4.8²) / 4 = 3.7,
    // s/√5 = 0.860233, × t(0.975, 4) 2.776445 = 2.388388 → [2.411612, 7 (clamped from 7.188388)].
    expect(seven).toMatchObject({ kind: 'ces7', unit: 'mean', lowerIsBetter: false, scale: { min: 1, max: 7 } });
    expect(seven.score.n).toBe(5);
    expect(seven.score.value).toBeCloseTo(4.8, 10);
    expect(seven.score.ci95?.[0]).toBeCloseTo(2.411612, 5);
    expect(seven.score.ci95?.[1]).toBe(7);
    expect(seven.positiveShare.value).toBeCloseTo(60, 10);
    expect(seven.distribution.map((d) => d.count)).toEqual([0, 1, 0, 1, 1, 1, 1]);

    const five = await summaryOf(ces5.id);
    // Mean 10 / 4 = 2.5 (lower is better); Σx² = 34, s² = (34 − 25) / 3 = 3, s/√4 = 0.866025,
    // t(0.975, 3) = 3.182446 → 2.5 ± 2.756079 = [−0.256079 → clamped 1, 5.256079 → clamped 5].
    expect(five).toMatchObject({ kind: 'ces5', unit: 'mean', lowerIsBetter: true, scale: { min: 1, max: 5 } });
    expect(five.score.n).toBe(4);
    expect(five.score.value).toBeCloseTo(2.5, 10);
    expect(five.score.ci95).toEqual([1, 5]);
    expect(five.bands).toEqual({ negative: 1, neutral: 0, positive: 3 });
    expect(five.distribution.map((d) => d.count)).toEqual([1, 2, 0, 0, 1]);

    // The responses list by kind and band keeps them apart too.
    const agreeing = await ws.api.get<{ data: { score: number }[] }>(
      '/api/v1/survey-responses?kind=ces7&scoreBand=positive',
    );
    expect(agreeing.body.data.map((r) => r.score).sort()).toEqual([5, 6, 7]);
    const lowEffort = await ws.api.get<{ data: { score: number }[] }>(
      `/api/v1/survey-responses?surveyId=${ces5.id}&scoreBand=positive`,
    );
    expect(lowEffort.body.data.map((r) => r.score).sort()).toEqual([1, 2, 2]);
  });

  test('trend buckets and date filters follow the workspace time zone (Asia/Tokyo)', async () => {
    const survey = await createSurvey(ws.api, { template: 'csat_support' });
    const [late, early1, early2] = await scores(survey.id, [5, 2, 4]);
    const move = (id: string | undefined, at: string) =>
      server.app.database.pool.query(
        'update survey_responses set submitted_at = $3 where workspace_id = $1 and id = $2',
        [ws.workspaceId, id, at],
      );
    await move(late, '2025-03-01T14:00:00Z'); // 23:00 on 1 March in Tokyo
    await move(early1, '2025-03-01T15:30:00Z'); // 00:30 on 2 March in Tokyo
    await move(early2, '2025-03-02T03:00:00Z'); // 12:00 on 2 March in Tokyo

    const byDay = await summaryOf(survey.id, '?bucket=day');
    expect(byDay.timeZone).toBe('Asia/Tokyo');
    expect(byDay.trend.map((t) => [t.bucket, t.score.n, t.score.value])).toEqual([
      ['2025-03-01', 1, 100],
      ['2025-03-02', 2, 50],
    ]);
    // 1 and 2 March 2025 are a Saturday and a Sunday: one week, starting Monday 24 February.
    const byWeek = await summaryOf(survey.id, '?bucket=week');
    expect(byWeek.trend.map((t) => [t.bucket, t.score.n])).toEqual([['2025-02-24', 3]]);
    const byMonth = await summaryOf(survey.id, '?bucket=month');
    expect(byMonth.trend.map((t) => [t.bucket, t.average.value])).toEqual([['2025-03-01', 11 / 3]]);

    const secondOnly = await summaryOf(survey.id, '?from=2025-03-02&to=2025-03-02');
    expect(secondOnly.score.n).toBe(2);
    const firstOnly = await summaryOf(survey.id, '?to=2025-03-01');
    expect(firstOnly.score).toMatchObject({ n: 1, value: 100 });
    expectStatus(await ws.api.get(`/api/v1/surveys/${survey.id}/summary?from=yesterday`), 400);
  });

  test('slices by the snapshot: channel, agent, team', async () => {
    const survey = await createSurvey(ws.api, { template: 'csat_support' });
    const agentId = ws.owner.id;
    await scores(survey.id, [5, 5], { channel: 'chat', agentId });
    await scores(survey.id, [1], { channel: 'email' });
    expect((await summaryOf(survey.id, '?channel=chat')).score).toMatchObject({ n: 2, value: 100 });
    expect((await summaryOf(survey.id, `?agentId=${agentId}`)).score.n).toBe(2);
    expect((await summaryOf(survey.id, '?channel=email')).score).toMatchObject({ n: 1, value: 0 });
    const none = await summaryOf(survey.id, `?teamId=${agentId}`);
    expect(none.score).toEqual({ value: null, n: 0, ci95: null });
    expect(none.responseRate).toEqual({ responses: 0, delivered: 0, rate: null });
    // A link answered once more updates its response: still one response.
    const { token } = await offerLink(server.app, ws.workspaceId, survey.id, { channel: 'phone' });
    await answer(server.url, token, { score: 2 });
    await answer(server.url, token, { score: 4 });
    expect((await summaryOf(survey.id, '?channel=phone')).distribution.map((d) => d.count)).toEqual([0, 0, 0, 1, 0]);
  });
});
