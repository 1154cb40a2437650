import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestWorkspace } from '../../../test/support/factories.ts';
import { startTestServer, type TestServer } from '../../../test/support/server.ts';
import { runAfterResolutionSurveys } from '../commands/survey-after-resolution.ts';
import { generateDemo } from './generate.ts';

const NOW = new Date('2026-03-02T03:00:00Z');
const HOUR = 3_600_000;

let server: TestServer;
let workspaceId: string;
const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await server.app.db.execute<T>(query)).rows;
const count = async (table: string, where = sql`true`) => {
  const [row] = await rows<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId} and ${where}`,
  );
  return row?.n ?? 0;
};

beforeAll(async () => {
  server = await startTestServer();
  workspaceId = (await createTestWorkspace(server)).workspaceId;
  await generateDemo(server.app.db, { workspaceId, days: 30, conversations: 160, now: NOW });
}, 120_000);
afterAll(() => server?.close());

describe('demo feedback', () => {
  test('three active surveys from the templates, each answered', async () => {
    const surveys = await rows<{ template: string; status: string; responses: number }>(sql`
      select s.template, s.status,
             (select count(*)::int from survey_responses r where r.workspace_id = s.workspace_id and r.survey_id = s.id) as responses
        from surveys s where s.workspace_id = ${workspaceId} order by s.template`);
    expect(surveys.map((s) => [s.template, s.status])).toEqual([
      ['ces_resolution', 'active'],
      ['csat_support', 'active'],
      ['nps_relationship', 'active'],
    ]);
    for (const survey of surveys) expect(survey.responses).toBeGreaterThan(0);
  });

  test('responses carry the snapshot and are written as a real answer writes them', async () => {
    const [snapshot] = await rows<{ missing: number; relationship: number; total: number }>(sql`
      select count(*) filter (where touchpoint = 'support_resolution'
               and (agent_id is null or team_id is null or channel is null or conversation_id is null or cycle is null))::int as missing,
             count(*) filter (where touchpoint = 'relationship')::int as relationship,
             count(*)::int as total
        from survey_responses where workspace_id = ${workspaceId}`);
    expect(snapshot?.missing).toBe(0);
    expect(snapshot?.relationship).toBeGreaterThan(0);
    expect(snapshot?.total).toBeGreaterThan(20);
    // Every answered invitation has its response (same snapshot, answered when submitted), nothing else has one.
    expect(await count('survey_invitations', sql`status = 'answered'`)).toBe(snapshot?.total);
    const [mismatched] = await rows<{ n: number }>(sql`
      select count(*)::int as n from survey_responses r
        join survey_invitations i on i.workspace_id = r.workspace_id and i.id = r.invitation_id
       where r.workspace_id = ${workspaceId}
         and (i.status <> 'answered' or i.answered_at <> r.submitted_at or i.agent_id is distinct from r.agent_id
              or i.team_id is distinct from r.team_id or i.channel is distinct from r.channel or i.delivery <> r.delivery)`);
    expect(mismatched?.n).toBe(0);
    expect(await count('survey_invitations', sql`status = 'skipped' and (error is null or sent_at is not null)`)).toBe(
      0,
    );
    // One score row and one comment row per response; every comment searchable.
    expect(await count('survey_answers', sql`question_id = 'score' and score is not null`)).toBe(snapshot?.total);
    expect(await count('survey_answers', sql`question_id = 'why'`)).toBe(snapshot?.total);
    expect(await count('survey_responses', sql`comment is not null and search_vector is null`)).toBe(0);
    expect(await count('survey_responses', sql`comment is not null`)).toBeGreaterThan(0);
  });

  test('the after-resolution trigger and reminders send nothing for the demo history', async () => {
    const before = await count('survey_invitations');
    const run = await runAfterResolutionSurveys(server.app, new Date(NOW.getTime() + 2 * HOUR), { workspaceId });
    expect(run).toMatchObject({ offered: 0, skipped: 0, failed: 0 });
    expect(await count('survey_invitations')).toBe(before);
    expect(await count('email_messages')).toBe(0);
    // Waiting email invitations past their reminder day already had it.
    expect(
      await count(
        'survey_invitations',
        sql`delivery = 'email' and status in ('sent', 'opened') and reminder_sent_at is null
            and sent_at < ${new Date(NOW.getTime() - 3 * 24 * HOUR).toISOString()}::timestamptz
            and survey_id in (select id from surveys where template = 'nps_relationship')`,
      ),
    ).toBe(0);
    // The others still get theirs, on their day.
    const waiting = sql`delivery = 'email' and status in ('sent', 'opened') and reminder_sent_at is null
        and survey_id in (select id from surveys where template = 'nps_relationship')`;
    expect(await count('survey_invitations', waiting)).toBeGreaterThan(0);
    expect(await count('survey_invitations', sql`${waiting} and reminder_due_at = sent_at + interval '3 days'`)).toBe(
      await count('survey_invitations', waiting),
    );
  });

  test('recovery cases from the latest negative answers fill every column of the board', async () => {
    const cases = await rows<{ status: string; outcome: string | null; owner: string | null; number: number }>(sql`
      select c.status, c.outcome, u.name as owner, c.number from recovery_cases c
        left join users u on u.id = c.owner_id
       where c.workspace_id = ${workspaceId} order by c.number`);
    expect(cases.length).toBeGreaterThanOrEqual(5);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['new', 'contacted', 'action', 'follow_up', 'closed']));
    for (const c of cases) expect(c.status === 'closed').toBe(c.outcome !== null);
    // The support manager is every team's manager tier, so the cases are theirs.
    expect(new Set(cases.map((c) => c.owner))).toEqual(new Set(['高橋 直子']));
    expect(cases.map((c) => c.number)).toEqual(cases.map((_, index) => index + 1));
  });

  test("a few open conversations are escalated, so the inbox's Escalated view is not empty", async () => {
    const escalated = await rows<{ tier: string; status: string; assignee: string | null; reason: string }>(sql`
      select c.escalation_tier as tier, c.status, u.name as assignee, e.reason
        from conversations c
        join escalations e on e.workspace_id = c.workspace_id and e.conversation_id = c.id
        left join users u on u.id = c.assignee_id
       where c.workspace_id = ${workspaceId}
       order by c.escalation_tier, c.id`);
    expect(escalated.map((c) => c.tier)).toEqual(['manager', 'senior', 'senior']);
    for (const c of escalated) {
      expect(['open', 'pending']).toContain(c.status);
      expect(c.reason.length).toBeGreaterThan(10);
    }
    // The manager tier of every team is the support manager.
    expect(escalated[0]?.assignee).toBe('高橋 直子');
    expect(await count('conversation_events', sql`type = 'escalated'`)).toBe(3);
  });

  test('filling the workspace again reuses the surveys, and its history is not surveyed either', async () => {
    const before = await count('survey_responses');
    // Later than the surveys were created: without moving the triggers' place, the last day would be surveyed.
    const later = new Date(Date.now() + 2 * 24 * HOUR);
    await generateDemo(server.app.db, { workspaceId, days: 30, conversations: 40, now: later, seed: 'again' });
    expect(await count('surveys')).toBe(3);
    expect(await count('survey_responses')).toBeGreaterThan(before);
    expect(await count('escalations')).toBe(3);
    const invitations = await count('survey_invitations');
    const run = await runAfterResolutionSurveys(server.app, new Date(later.getTime() + 2 * HOUR), { workspaceId });
    expect(run).toMatchObject({ offered: 0, skipped: 0, failed: 0 });
    expect(await count('survey_invitations')).toBe(invitations);
    // Both triggers start after the demo's "now" (resolutions not yet due then are left unsurveyed).
    const cursors = await rows<{ at: string }>(sql`
      select last_occurred_at as at from event_cursors
       where workspace_id = ${workspaceId} and consumer like 'survey-after-resolution:%'`);
    expect(cursors).toHaveLength(2);
    for (const cursor of cursors) expect(new Date(cursor.at).getTime()).toBeGreaterThanOrEqual(later.getTime());
  }, 60_000);
});
