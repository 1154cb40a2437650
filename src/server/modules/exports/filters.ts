import { and, type SQL, sql } from 'drizzle-orm';
import type { ExportCsvQuery } from '../../../shared/contracts/exports.ts';
import type { Tx } from '../../db/client.ts';
import { contacts } from '../../db/schema/index.ts';
import { badRequest } from '../../http/problem.ts';
import { segmentConditions } from '../customers/segment-filter.ts';
import { localDateRange } from '../metrics/satisfaction.ts';
import { commentSearch, scoreBandFilter } from '../surveys/response-queries.ts';
import { filterOf, getSegmentRow } from '../surveys/segments.ts';

/** `column in (values…)`, or nothing when the filter is not given. */
function anyOf(column: SQL, values: readonly string[] | undefined): SQL | undefined {
  if (!values?.length) return undefined;
  return sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** `array[values…]::text[]`, for an overlap (`&&`) with a tags column. */
function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** The given conditions and-ed; the missing ones (filters not given) left out. */
function allOf(parts: (SQL | undefined)[]): SQL {
  return sql.join(
    parts.filter((p): p is SQL => Boolean(p)),
    sql` and `,
  );
}

export interface ExportScope {
  workspaceId: string;
  timeZone: string;
  query: ExportCsvQuery;
}

export function checkPeriod(query: ExportCsvQuery): void {
  if (query.from && query.to && query.from > query.to) throw badRequest('query.to', 'must not be before from');
}

/** Contacts of the segment, as a condition on `contactColumn`. */
async function segmentCondition(tx: Tx, scope: ExportScope, contactColumn: SQL): Promise<SQL | undefined> {
  if (!scope.query.segmentId) return undefined;
  const segment = await getSegmentRow(tx, scope.workspaceId, scope.query.segmentId);
  if (!segment) throw badRequest('query.segmentId', 'is not a segment of this workspace');
  const conditions = segmentConditions(scope.workspaceId, filterOf(segment));
  return sql`${contactColumn} in (select ${contacts.id} from ${contacts} where ${and(...conditions)})`;
}

/**
 * Filters of a conversation export over conversations `c`: the period by creation (local
 * dates of the workspace), channel, team, assignee, tag, company, segment.
 */
export async function conversationFilters(tx: Tx, scope: ExportScope): Promise<SQL> {
  const q = scope.query;
  return allOf([
    sql`c.workspace_id = ${scope.workspaceId}`,
    localDateRange(sql`c.created_at`, scope.timeZone, q.from, q.to),
    anyOf(sql`c.channel`, q.channel),
    anyOf(sql`c.team_id`, q.teamId),
    anyOf(sql`c.assignee_id`, q.agentId),
    anyOf(sql`c.company_id`, q.companyId),
    q.tag?.length ? sql`c.tags && ${textArray(q.tag)}` : undefined,
    await segmentCondition(tx, scope, sql`c.contact_id`),
  ]);
}

/**
 * Filters of a response export over survey_responses `r`: the period by submission (local
 * dates), the snapshot taken when the survey was sent (channel, team, agent, touchpoint), and
 * those of the responses list (survey, score band, with a comment, comment search).
 */
export async function responseFilters(tx: Tx, scope: ExportScope): Promise<SQL> {
  const q = scope.query;
  const band = { score: sql`r.score`, kind: sql`r.kind`, surveyId: sql`r.survey_id` };
  return allOf([
    sql`r.workspace_id = ${scope.workspaceId}`,
    q.surveyId ? sql`r.survey_id = ${q.surveyId}` : undefined,
    q.hasComment === undefined ? undefined : q.hasComment ? sql`r.comment is not null` : sql`r.comment is null`,
    q.q ? commentSearch(sql`r.search_vector`, q.q) : undefined,
    await scoreBandFilter(tx, scope.workspaceId, q, band),
    localDateRange(sql`r.submitted_at`, scope.timeZone, q.from, q.to),
    anyOf(sql`r.channel`, q.channel),
    anyOf(sql`r.team_id`, q.teamId),
    anyOf(sql`r.agent_id`, q.agentId),
    anyOf(sql`r.touchpoint`, q.touchpoint),
    q.companyId?.length
      ? sql`exists (select 1 from contacts k where k.workspace_id = r.workspace_id and k.id = r.contact_id and ${anyOf(sql`k.company_id`, q.companyId)})`
      : undefined,
    q.tag?.length
      ? sql`exists (select 1 from conversations t where t.workspace_id = r.workspace_id and t.id = r.conversation_id and t.tags && ${textArray(q.tag)})`
      : undefined,
    await segmentCondition(tx, scope, sql`r.contact_id`),
  ]);
}
