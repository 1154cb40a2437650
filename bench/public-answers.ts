/**
 * Fixture for the public answer ingestion benchmark: an active CSAT survey and many
 * invitations (each answered once, as respondents would), written before the server
 * starts; returns one signed token per invitation.
 */
import type { Db } from '../src/server/db/client.ts';
import { surveyInvitations } from '../src/server/db/schema/index.ts';
import { newId } from '../src/server/lib/id.ts';
import { tokenFor } from '../src/server/modules/surveys/invitations.ts';
import { createSurvey } from '../src/server/modules/surveys/service.ts';

const BATCH = 1000;

export async function createAnswerTokens(db: Db, secret: string, workspaceId: string, count: number) {
  const survey = await createSurvey(db, { secret, publicUrl: 'http://127.0.0.1' }, workspaceId, {
    name: 'Bench CSAT',
    template: 'csat_support',
    status: 'active',
  });
  const tokens: string[] = [];
  const now = Date.now();
  for (let start = 0; start < count; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => ({
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
