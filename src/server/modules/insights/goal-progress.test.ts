import { describe, expect, test } from 'vitest';
import { createConversation, createTeam, expectStatus } from '../../../../test/support/factories.ts';
import { insightsApi } from '../../../../test/support/insights-api.ts';
import { expectProblem } from '../../../../test/support/problems.ts';
import { answerScores, createSurvey } from '../../../../test/support/surveys.ts';
import type { Goal, GoalProgress } from '../../../shared/contracts/metrics.ts';

/**
 * A 30-day period, 2026-04-06 (Monday) … 2026-05-05, measured on 04-15: 10 days in, elapsed 1/3.
 * CSAT: 10 answers in the first week (04-07…04-10), 7 of them 4–5 → 70 %; one week of data only,
 * so the projection is the current 70.
 * Volume: 12 conversations created 04-06…04-14 (3 of them for team T), one more on 04-20.
 */
let teamId: string;
const period = { startsOn: '2026-04-06', endsOn: '2026-05-05' };

async function goal(input: Record<string, unknown>): Promise<Goal> {
  return expectStatus(await fixture.ws.api.post<Goal>('/api/v1/goals', { ...period, ...input }), 201, 'create goal');
}

const fixture = insightsApi(async ({ server, ws }) => {
  teamId = (await createTeam(ws.api)).id;
  const survey = await createSurvey(ws.api, { template: 'csat_support' });
  const ids = await answerScores(server.app, server.url, ws.workspaceId, survey.id, [5, 5, 4, 4, 4, 5, 4, 3, 2, 1]);
  // Submitted 04-07…04-10 at noon in Tokyo (the workspace's time zone).
  await server.app.database.pool.query(
    `update survey_responses r
        set submitted_at = ('2026-04-07 12:00:00+09'::timestamptz + ((x.n - 1) % 4) * interval '1 day')
       from unnest($2::uuid[]) with ordinality as x(id, n)
      where r.workspace_id = $1 and r.id = x.id`,
    [ws.workspaceId, ids],
  );
  // One a day 04-06…04-14 (9) and three for team T (04-06, 04-08, 04-10): 12 by 04-15.
  for (let day = 6; day <= 14; day++) {
    const date = `2026-04-${String(day).padStart(2, '0')}`;
    await createConversation(ws.api, { createdAt: `${date}T10:00:00+09:00` });
    if (day % 2 === 0 && day <= 10) {
      await createConversation(ws.api, { createdAt: `${date}T11:00:00+09:00`, teamId });
    }
  }
  await createConversation(ws.api, { createdAt: '2026-04-20T10:00:00+09:00' });
});

const progressOn = async (query: string) =>
  expectStatus(await fixture.ws.api.get<GoalProgress[]>(`/api/v1/goals/progress?${query}`), 200, 'progress');

describe('goal progress', () => {
  test('CSAT goals 10 days into a 30-day period: current, elapsed, projection and status', async () => {
    const off = await goal({ metric: 'csat.percent', target: 80 });
    const risk = await goal({ metric: 'csat.percent', target: 72 });
    const track = await goal({ metric: 'csat.percent', target: 68 });
    const progress = await progressOn('on=2026-04-15');
    const of = (g: Goal) => progress.find((p) => p.goal.id === g.id);
    // 7 of 10 scored 4–5: 70 %. Elapsed 10 / 30. One week with answers → projection = 70.
    for (const g of [off, risk, track]) {
      expect(of(g)).toMatchObject({ goal: g, current: 70, n: 10, projection: 70 });
      expect(of(g)?.elapsed).toBeCloseTo(1 / 3, 10);
    }
    // 80: short by 10 > 5 % × 80 = 4 → off track; 72: short by 2 ≤ 3.6 → at risk; 68: met by the projection.
    expect(of(off)?.status).toBe('off_track');
    expect(of(risk)?.status).toBe('at_risk');
    expect(of(track)?.status).toBe('on_track');
    // After the period: the final figure decides.
    const after = await progressOn('on=2026-05-10&all=true');
    expect(after.find((p) => p.goal.id === track.id)).toMatchObject({ current: 70, elapsed: 1, status: 'met' });
    expect(after.find((p) => p.goal.id === off.id)).toMatchObject({ status: 'off_track' });
  });

  test('volume goals project linearly; a team scope filters; other periods only with all=true', async () => {
    const created = await goal({ metric: 'volume.created', target: 30 });
    const team = await goal({ metric: 'volume.created', scope: 'team', scopeValue: teamId, target: 9.4 });
    const future = await goal({ metric: 'csat.percent', startsOn: '2026-06-01', endsOn: '2026-06-30', target: 80 });
    const progress = await progressOn('on=2026-04-15');
    // 12 created by 04-15 (the one on 04-20 is later): 12 ÷ (10 / 30) = 36 ≥ 30 → on track.
    expect(progress.find((p) => p.goal.id === created.id)).toMatchObject({
      current: 12,
      n: 12,
      projection: 36,
      status: 'on_track',
    });
    // Team T: 3 → 9, short of 9.4 by 0.4 ≤ 5 % × 9.4 = 0.47 → at risk.
    const ofTeam = progress.find((p) => p.goal.id === team.id);
    expect(ofTeam).toMatchObject({ current: 3, n: 3, status: 'at_risk' });
    expect(ofTeam?.projection).toBeCloseTo(9, 10);
    expect(progress.map((p) => p.goal.id)).not.toContain(future.id);

    const all = await progressOn('on=2026-04-15&all=true');
    expect(all.find((p) => p.goal.id === future.id)).toMatchObject({
      current: null,
      n: 0,
      elapsed: 0,
      projection: null,
      status: 'no_data',
    });
    // A count that reached its target is met before the period ends: 13 by 04-20 against 13.
    const reached = await goal({ metric: 'volume.created', target: 13 });
    const later = await progressOn('on=2026-04-20');
    expect(later.find((p) => p.goal.id === reached.id)).toMatchObject({ current: 13, status: 'met' });
  });

  test('bad days name the field', async () => {
    expectProblem(await fixture.ws.api.get('/api/v1/goals/progress?on=2026-13-01'), 400, 'query.on');
  });
});
