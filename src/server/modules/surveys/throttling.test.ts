import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createContact,
  createTestWorkspace,
  expectStatus,
  type TestWorkspace,
} from '../../../../test/support/factories.ts';
import { startTestServer, type TestServer } from '../../../../test/support/server.ts';
import { createSurvey } from '../../../../test/support/surveys.ts';
import type { Survey } from '../../../shared/contracts/surveys.ts';
import { createInvitation } from './invitations.ts';
import { getSurveyRecord } from './service.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const DAY = 86_400_000;
const t0 = Date.UTC(2025, 5, 1, 9, 0, 0);

async function workspaceWith(throttling: { minGapDays: number; maxPerPeriod: number; periodDays: number }) {
  const ws = await createTestWorkspace(server);
  expectStatus(await ws.api.put('/api/v1/settings/survey-throttling', throttling), 200, 'throttling');
  return ws;
}

async function surveyWithRecontact(ws: TestWorkspace, recontactDays: number): Promise<Survey> {
  const survey = await createSurvey(ws.api, { template: 'nps_relationship' });
  return expectStatus(
    await ws.api.patch<Survey>(`/api/v1/surveys/${survey.id}`, { settings: { ...survey.settings, recontactDays } }),
    200,
  );
}

/** Offers `survey` to `contactId` as if it were `days` after t0; the skip reason or null. */
async function offer(ws: TestWorkspace, survey: Survey, contactId: string, days: number) {
  const { skipped } = await server.app.db.transaction(async (tx) =>
    createInvitation(tx, ws.workspaceId, {
      survey: await getSurveyRecord(tx, ws.workspaceId, survey.id),
      delivery: 'link',
      contactId,
      now: new Date(t0 + days * DAY),
    }),
  );
  return skipped;
}

describe('over-surveying rules, evaluated per survey on the server', () => {
  test("a survey's recontact period holds it back for that survey only", async () => {
    const ws = await workspaceWith({ minGapDays: 0, maxPerPeriod: 100, periodDays: 30 });
    const x = await surveyWithRecontact(ws, 7);
    const y = await surveyWithRecontact(ws, 7);
    const contact = (await createContact(ws.api)).id;
    expect(await offer(ws, x, contact, 0)).toBeNull();
    expect(await offer(ws, x, contact, 6.9)).toBe('recontact_period');
    // Survey X's clock does not hold survey Y back.
    expect(await offer(ws, y, contact, 1)).toBeNull();
    expect(await offer(ws, x, contact, 7.1)).toBeNull();
    // Another contact is on its own clock.
    expect(await offer(ws, x, (await createContact(ws.api)).id, 1)).toBeNull();
  });

  test('the workspace minimum gap separates any two surveys to the same contact', async () => {
    const ws = await workspaceWith({ minGapDays: 3, maxPerPeriod: 100, periodDays: 30 });
    const x = await surveyWithRecontact(ws, 30);
    const y = await surveyWithRecontact(ws, 0);
    const contact = (await createContact(ws.api)).id;
    expect(await offer(ws, x, contact, 0)).toBeNull();
    expect(await offer(ws, y, contact, 2.9)).toBe('min_gap');
    // After the gap, Y goes out although X's own 30-day recontact period still runs…
    expect(await offer(ws, y, contact, 3.1)).toBeNull();
    // …and X stays held back by its own period, whatever the gap.
    expect(await offer(ws, x, contact, 10)).toBe('recontact_period');
  });

  test('at most N surveys per period; skipped invitations do not count', async () => {
    const ws = await workspaceWith({ minGapDays: 0, maxPerPeriod: 2, periodDays: 30 });
    const surveys = [
      await surveyWithRecontact(ws, 0),
      await surveyWithRecontact(ws, 0),
      await surveyWithRecontact(ws, 0),
    ];
    const contact = (await createContact(ws.api)).id;
    expect(await offer(ws, surveys[0] as Survey, contact, 0)).toBeNull();
    expect(await offer(ws, surveys[1] as Survey, contact, 10)).toBeNull();
    expect(await offer(ws, surveys[2] as Survey, contact, 20)).toBe('max_per_period');
    expect(await offer(ws, surveys[2] as Survey, contact, 25)).toBe('max_per_period');
    // The first one leaves the 30-day window; the skipped ones never counted.
    expect(await offer(ws, surveys[2] as Survey, contact, 30.5)).toBeNull();
    const { rows } = await server.app.database.pool.query<{ status: string; error: string | null }>(
      'select status, error from survey_invitations where workspace_id = $1 and contact_id = $2 order by created_at',
      [ws.workspaceId, contact],
    );
    expect(rows.map((r) => [r.status, r.error])).toEqual([
      ['scheduled', null],
      ['scheduled', null],
      ['skipped', 'max_per_period'],
      ['skipped', 'max_per_period'],
      ['scheduled', null],
    ]);
  });

  test('the settings are validated and kept per workspace', async () => {
    const ws = await workspaceWith({ minGapDays: 5, maxPerPeriod: 3, periodDays: 14 });
    const other = await createTestWorkspace(server);
    expect((await ws.api.get('/api/v1/settings/survey-throttling')).body).toEqual({
      minGapDays: 5,
      maxPerPeriod: 3,
      periodDays: 14,
    });
    expect((await other.api.get('/api/v1/settings/survey-throttling')).body).toEqual({
      minGapDays: 3,
      maxPerPeriod: 4,
      periodDays: 30,
    });
    const bad = await ws.api.put('/api/v1/settings/survey-throttling', { minGapDays: -1 });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('body.minGapDays');
  });
});
