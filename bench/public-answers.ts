/**
 * Fixture for the public answer ingestion benchmark, written before the server starts:
 * an active CSAT survey, many invitations (each to be answered once, as respondents
 * would) and a history of answers already given, with statistics gathered, as in a
 * database that has been running (autovacuum analyzes PostgreSQL; Koe analyzes PGlite).
 * A fresh, never-analyzed table would instead measure plans made for an empty table.
 */
import type { Database } from '../src/server/db/client.ts';
import { surveyInvitations } from '../src/server/db/schema/index.ts';
import { newId } from '../src/server/lib/id.ts';
import { AnswerQueue } from '../src/server/modules/surveys/answer-queue.ts';
import { tokenFor } from '../src/server/modules/surveys/invitations.ts';
import { createSurvey } from '../src/server/modules/surveys/service.ts';

const BATCH = 1000;
const HISTORY = 3000;

export async function createAnswerTokens(database: Database, secret: string, workspaceId: string, count: number) {
  const db = database.db;
  const survey = await createSurvey(db, { secret, publicUrl: 'http://127.0.0.1' }, workspaceId, {
    name: 'Bench CSAT',
    template: 'csat_support',
    status: 'active',
  });
  const tokens: string[] = [];
  const now = Date.now();
  const total = count + HISTORY;
  for (let start = 0; start < total; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, total - start) }, (_, i) => ({
      workspaceId,
      id: newId(now + start + i),
      surveyId: survey.id,
      version: survey.version,
      delivery: 'link' as const,
      language: 'ja',
      status: 'sent' as const,
      scheduledAt: new Date(now),
      expiresAt: new Date(now + 7 * 86_400_000),
      createdAt: new Date(now),
    }));
    const inserted = await db.insert(surveyInvitations).values(rows).returning();
    for (const row of inserted) tokens.push(tokenFor(secret, row));
  }
  const history = tokens.splice(0, HISTORY);
  const queue = new AnswerQueue(db, secret, 1);
  for (let start = 0; start < history.length; start += 100) {
    await Promise.all(
      history.slice(start, start + 100).map((token, i) => queue.submit(JSON.parse(answerBody(token, i)))),
    );
  }
  await database.pool.query('analyze');
  return tokens;
}

/** What a respondent sends from the survey page: a score, a comment. */
export const answerBody = (token: string, i: number) =>
  JSON.stringify({
    token,
    score: (i % 5) + 1,
    comment: i % 3 === 0 ? null : '対応が早くて助かりました。The answer was clear and quick.',
    language: 'ja',
  });
