import { sql } from 'drizzle-orm';
import { generateDemo } from '../../src/server/demo/generate.ts';
import { refreshRollups } from '../../src/server/modules/metrics/rollups/refresh.ts';
import { expectStatus } from './factories.ts';
import { apiClient } from './http.ts';
import type { TestServer } from './server.ts';
import { answer, createSurvey, offerLink } from './surveys.ts';

/** CSAT scores cycled over the resolved conversations: 7 of 10 are 4–5 (CSAT 70 %). */
export const CSAT_CYCLE = [5, 4, 5, 3, 4, 5, 2, 4, 5, 1] as const;
const NPS_CYCLE = [10, 9, 7, 8, 10, 6, 9, 3, 10, 8] as const;
const CES_CYCLE = [6, 7, 5, 4, 6, 7, 3, 6] as const;
const COMMENTS: Record<number, string> = {
  0: '返信がとても早くて助かりました。',
  6: '何度も同じ説明をする必要がありました。',
  9: 'The answer did not solve my problem.',
};

export interface InsightsSeed {
  csatSurveyId: string;
  /** Resolved conversations that got a CSAT answer, in the order answered. */
  answered: number;
}

/**
 * A workspace that looks lived in for the Insights pages: the deterministic demo
 * conversations, then CSAT (every resolved conversation), NPS (every second) and CES
 * (every third) answers dated shortly after each resolution, and the rollups rebuilt.
 */
export async function seedInsights(
  server: TestServer,
  options: { days: number; conversations: number; maxAnswers?: number },
): Promise<InsightsSeed> {
  const { app, workspaceId } = server;
  await generateDemo(app.db, {
    workspaceId,
    days: options.days,
    conversations: options.conversations,
    seed: 'koe',
    // The answers below are the only ones, so the test's figures are computed by hand.
    feedback: false,
    escalations: false,
  });
  const api = apiClient(server.url, server.apiKey);
  const csat = await createSurvey(api, { name: 'CSAT', template: 'csat_support' });
  const nps = await createSurvey(api, { name: 'NPS', template: 'nps_relationship' });
  const ces = await createSurvey(api, { name: 'CES', template: 'ces_resolution' });

  const resolved = await app.db.execute<{
    id: string;
    contact_id: string;
    channel: string;
    assignee_id: string | null;
    team_id: string | null;
  }>(sql`
    select c.id, c.contact_id, c.channel, c.assignee_id, c.team_id from conversations c
     where c.workspace_id = ${workspaceId} and c.resolved_at is not null
     order by c.resolved_at`);
  const rows = resolved.rows.slice(0, options.maxAnswers ?? resolved.rows.length);

  for (const [index, row] of rows.entries()) {
    const snapshot = {
      contactId: row.contact_id,
      conversationId: row.id,
      agentId: row.assignee_id,
      teamId: row.team_id,
      channel: row.channel,
    };
    const answers: [string, number][] = [[csat.id, CSAT_CYCLE[index % CSAT_CYCLE.length] ?? 5]];
    if (index % 2 === 0) answers.push([nps.id, NPS_CYCLE[(index / 2) % NPS_CYCLE.length] ?? 9]);
    if (index % 3 === 0) answers.push([ces.id, CES_CYCLE[(index / 3) % CES_CYCLE.length] ?? 6]);
    for (const [surveyId, score] of answers) {
      const { token } = await offerLink(app, workspaceId, surveyId, snapshot);
      const comment = surveyId === csat.id ? COMMENTS[index % 10] : undefined;
      expectStatus(await answer(server.url, token, { score, ...(comment ? { comment } : {}) }), 200, 'answer');
    }
  }

  // Answers arrive a little after the resolution they rate, not all today.
  await app.db.execute(sql`
    update survey_responses r set submitted_at = c.resolved_at + interval '47 minutes'
      from conversations c
     where r.workspace_id = ${workspaceId} and c.workspace_id = r.workspace_id
       and c.id = r.conversation_id and c.resolved_at is not null`);
  await refreshRollups(app.db, workspaceId, { force: true });
  return { csatSurveyId: csat.id, answered: rows.length };
}
