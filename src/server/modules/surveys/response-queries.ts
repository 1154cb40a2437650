import { and, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { SurveyResponseDetail, SurveyResponseListQuery } from '../../../shared/contracts/survey-results.ts';
import type { SurveyKind, SurveyResponse } from '../../../shared/contracts/surveys.ts';
import { bandOf, kindScale } from '../../../shared/metrics/bands.ts';
import { toTsqueryLiteral } from '../../../shared/search.ts';
import type { Tx } from '../../db/client.ts';
import { surveyAnswers, surveyResponses, surveys, surveyVersions } from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { getConversation } from '../conversations/service.ts';
import { getContacts } from '../customers/contacts.ts';
import { bandCondition, localDateRange } from '../metrics/satisfaction.ts';
import { getWorkspace } from '../workspaces/service.ts';
import { groupAnswers, presentConversationSummary, presentResponse } from './response-presenters.ts';
import { getSurveyRecord } from './service.ts';

type ResponseRow = typeof surveyResponses.$inferSelect;
const r = surveyResponses;
const NON_RATING: Exclude<SurveyKind, 'rating'>[] = ['csat', 'nps', 'ces7', 'ces5'];

/** The response columns a score band is read from: the table's, or an alias's in raw SQL (`r.score`). */
export interface BandColumns {
  score: SQL;
  kind: SQL;
  surveyId: SQL;
}
const TABLE_COLUMNS: BandColumns = { score: sql`${r.score}`, kind: sql`${r.kind}`, surveyId: sql`${r.surveyId}` };

/**
 * A score band across kinds: fixed scores per kind, and for custom ratings the scale of
 * each rating survey's current version (a kind, and so its meaning, never changes).
 */
export async function scoreBandFilter(
  tx: Tx,
  workspaceId: string,
  query: Pick<SurveyResponseListQuery, 'scoreBand' | 'surveyId' | 'kind'>,
  columns: BandColumns = TABLE_COLUMNS,
): Promise<SQL | undefined> {
  if (!query.scoreBand) return undefined;
  const band = bandOf(query.scoreBand);
  if (query.surveyId) {
    const survey = await getSurveyRecord(tx, workspaceId, query.surveyId).catch(() => null);
    if (!survey) return sql`false`;
    return bandCondition(columns.score, survey.row.kind, band, kindScale(survey.row.kind, survey.definition.scale));
  }
  const kinds = query.kind ? [query.kind] : [...NON_RATING, 'rating' as const];
  const parts = kinds
    .filter((kind) => kind !== 'rating')
    .map((kind) => sql`(${columns.kind} = ${kind} and ${bandCondition(columns.score, kind, band)})`);
  if (kinds.includes('rating')) {
    const ratings = await tx
      .select({ id: surveys.id, definition: surveyVersions.definition })
      .from(surveys)
      .innerJoin(
        surveyVersions,
        and(
          eq(surveyVersions.workspaceId, surveys.workspaceId),
          eq(surveyVersions.surveyId, surveys.id),
          eq(surveyVersions.version, surveys.version),
        ),
      )
      .where(and(eq(surveys.workspaceId, workspaceId), eq(surveys.kind, 'rating')));
    for (const rating of ratings) {
      const condition = bandCondition(columns.score, 'rating', band, kindScale('rating', rating.definition.scale));
      parts.push(sql`(${columns.surveyId} = ${rating.id} and ${condition})`);
    }
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** Comments matching a search (Japanese too), or the 400 naming `query.q` when it has nothing to search for. */
export function commentSearch(searchVector: SQL, q: string): SQL {
  const tsquery = toTsqueryLiteral(q);
  if (!tsquery) throw badRequest('query.q', 'has no letters or digits to search for');
  return sql`${searchVector} @@ ${tsquery}::tsquery`;
}

/** Survey names, answers and contacts of a page of responses, presented. */
async function presentRows(tx: Tx, workspaceId: string, rows: ResponseRow[]): Promise<SurveyResponse[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const answers = groupAnswers(
    await tx
      .select()
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.workspaceId, workspaceId), inArray(surveyAnswers.responseId, ids))),
  );
  const names = new Map(
    (
      await tx
        .select({ id: surveys.id, name: surveys.name })
        .from(surveys)
        .where(
          and(eq(surveys.workspaceId, workspaceId), inArray(surveys.id, [...new Set(rows.map((x) => x.surveyId))])),
        )
    ).map((s) => [s.id, s.name]),
  );
  const contactIds = rows.flatMap((row) => (row.contactId ? [row.contactId] : []));
  const contacts = new Map((await getContacts(tx, workspaceId, contactIds)).map((c) => [c.id, c]));
  return rows.map((row) => {
    const contact = row.contactId ? contacts.get(row.contactId) : undefined;
    return presentResponse(row, {
      surveyName: names.get(row.surveyId) ?? '',
      answers: answers.get(row.id) ?? [],
      contact: contact ? { id: contact.id, name: contact.name, email: contact.emails[0] ?? null } : null,
    });
  });
}

/** Responses, newest first, filtered by survey, kind, score band, snapshot, dates, comment. */
export async function listResponses(
  tx: Tx,
  workspaceId: string,
  query: SurveyResponseListQuery,
): Promise<Page<SurveyResponse>> {
  const cursor = decodeCursor(query.cursor);
  const conditions: (SQL | undefined)[] = [eq(r.workspaceId, workspaceId)];
  if (cursor) {
    const at = new Date(cursor.at);
    conditions.push(or(lt(r.submittedAt, at), and(eq(r.submittedAt, at), lt(r.id, cursor.id))));
  }
  if (query.surveyId) conditions.push(eq(r.surveyId, query.surveyId));
  if (query.kind) conditions.push(eq(r.kind, query.kind));
  if (query.channel) conditions.push(eq(r.channel, query.channel));
  if (query.agentId) conditions.push(eq(r.agentId, query.agentId));
  if (query.teamId) conditions.push(eq(r.teamId, query.teamId));
  if (query.contactId) conditions.push(eq(r.contactId, query.contactId));
  if (query.conversationId) conditions.push(eq(r.conversationId, query.conversationId));
  if (query.hasComment !== undefined) conditions.push(query.hasComment ? isNotNull(r.comment) : isNull(r.comment));
  if (query.from || query.to) {
    const { timeZone } = await getWorkspace(tx, workspaceId);
    conditions.push(localDateRange(sql`${r.submittedAt}`, timeZone, query.from, query.to));
  }
  if (query.q) conditions.push(commentSearch(sql`${r.searchVector}`, query.q));
  conditions.push(await scoreBandFilter(tx, workspaceId, query));
  const rows = await tx
    .select()
    .from(r)
    .where(and(...conditions))
    .orderBy(desc(r.submittedAt), desc(r.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => ({ at: row.submittedAt, id: row.id }));
  return { data: await presentRows(tx, workspaceId, page.data), nextCursor: page.nextCursor };
}

/** One response with the version it answered (so option ids keep their labels) and its conversation. */
export async function getResponse(tx: Tx, workspaceId: string, responseId: string): Promise<SurveyResponseDetail> {
  const [row] = await tx
    .select()
    .from(r)
    .where(and(eq(r.workspaceId, workspaceId), eq(r.id, responseId)))
    .limit(1);
  if (!row) throw notFound('Survey response');
  const [response] = await presentRows(tx, workspaceId, [row]);
  if (!response) throw notFound('Survey response');
  const survey = await getSurveyRecord(tx, workspaceId, row.surveyId, row.version);
  const conversation = row.conversationId
    ? await getConversation(tx, workspaceId, row.conversationId).catch(() => null)
    : null;
  return {
    ...response,
    definition: survey.definition,
    conversation: conversation ? presentConversationSummary(conversation) : null,
  };
}

/** The responses given about one conversation (every care cycle), newest first. */
export async function conversationResponses(
  tx: Tx,
  workspaceId: string,
  conversationId: string,
): Promise<SurveyResponse[]> {
  await getConversation(tx, workspaceId, conversationId);
  const rows = await tx
    .select()
    .from(r)
    .where(and(eq(r.workspaceId, workspaceId), eq(r.conversationId, conversationId)))
    .orderBy(desc(r.submittedAt), desc(r.id))
    .limit(200);
  return presentRows(tx, workspaceId, rows);
}
