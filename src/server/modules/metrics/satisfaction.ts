import { type SQL, sql } from 'drizzle-orm';
import type { SurveyKind } from '../../../shared/contracts/surveys.ts';
import { type Band, bandScores, type Scale } from '../../../shared/metrics/bands.ts';
import type { ScoreCounts } from '../../../shared/metrics/figures.ts';
import type { Tx } from '../../db/client.ts';

/**
 * Satisfaction metrics, counted in SQL once: CSAT, NPS, CES and ratings all come from
 * the counts below (n, Σ, Σ², bands), turned into figures by src/shared/metrics.
 * Skipped scores (score null) are counted apart and in no denominator.
 * Responses belong to the period in which they were submitted, in the workspace's time zone.
 */

export interface ResponseSlice {
  workspaceId: string;
  surveyId: string;
  timeZone: string;
  /** Local dates, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  channel?: string | undefined;
  agentId?: string | undefined;
  teamId?: string | undefined;
}

export type Bucket = 'day' | 'week' | 'month';

/** `column` within the local dates from…to (inclusive) of the time zone. */
export function localDateRange(column: SQL, timeZone: string, from?: string, to?: string): SQL {
  const parts: SQL[] = [];
  if (from) parts.push(sql`${column} >= (${from}::date::timestamp at time zone ${timeZone})`);
  if (to) parts.push(sql`${column} < ((${to}::date + 1)::timestamp at time zone ${timeZone})`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** The snapshot filters (channel, agent, team) of responses or invitations, aliased `alias`. */
function snapshotFilters(alias: string, slice: ResponseSlice): SQL {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  const parts: SQL[] = [sql`${column('workspace_id')} = ${slice.workspaceId}`];
  parts.push(sql`${column('survey_id')} = ${slice.surveyId}`);
  if (slice.channel) parts.push(sql`${column('channel')} = ${slice.channel}`);
  if (slice.agentId) parts.push(sql`${column('agent_id')} = ${slice.agentId}`);
  if (slice.teamId) parts.push(sql`${column('team_id')} = ${slice.teamId}`);
  return sql.join(parts, sql` and `);
}

export function responseFilters(slice: ResponseSlice): SQL {
  return sql`${snapshotFilters('r', slice)} and ${localDateRange(sql`r.submitted_at`, slice.timeZone, slice.from, slice.to)}`;
}

/** `score in (…)` for one band of a kind; false when the scale has no such band. */
export function bandCondition(score: SQL, kind: SurveyKind, band: Band, scale?: Scale | null): SQL {
  const scores = bandScores(kind, band, scale);
  if (scores.length === 0) return sql`false`;
  return sql`${score} in (${sql.join(
    scores.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}

/**
 * The counts every satisfaction figure is computed from (n, skipped, Σ, Σ², bands), as a
 * select list over the rows' `score`; `inBand` is the condition of each band.
 */
export function scoreCountColumns(score: SQL, inBand: (band: Band) => SQL): SQL {
  return sql`count(${score})::int as n,
    (count(*) - count(${score}))::int as skipped,
    coalesce(sum(${score}), 0)::float8 as sum,
    coalesce(sum(${score}::int * ${score}::int), 0)::float8 as sum_of_squares,
    count(*) filter (where ${inBand('negative')})::int as negative,
    count(*) filter (where ${inBand('neutral')})::int as neutral,
    count(*) filter (where ${inBand('positive')})::int as positive`;
}

/** The counts of one kind over responses `r`. */
function countColumns(kind: SurveyKind, scale: Scale): SQL {
  const score = sql`r.score`;
  return scoreCountColumns(score, (band) => bandCondition(score, kind, band, scale));
}

/** A row of `scoreCountColumns`. */
export interface ScoreCountRow {
  n: number;
  skipped: number;
  sum: number;
  sum_of_squares: number;
  negative: number;
  neutral: number;
  positive: number;
}

interface CountRow extends ScoreCountRow, Record<string, unknown> {
  bucket: string | null;
}

export const toCounts = (row: ScoreCountRow | undefined): ScoreCounts => ({
  n: Number(row?.n ?? 0),
  skipped: Number(row?.skipped ?? 0),
  sum: Number(row?.sum ?? 0),
  sumOfSquares: Number(row?.sum_of_squares ?? 0),
  negative: Number(row?.negative ?? 0),
  neutral: Number(row?.neutral ?? 0),
  positive: Number(row?.positive ?? 0),
});

/** Counts over the whole slice. */
export async function scoreCounts(tx: Tx, slice: ResponseSlice, kind: SurveyKind, scale: Scale): Promise<ScoreCounts> {
  const result = await tx.execute<CountRow>(sql`
    select null as bucket, ${countColumns(kind, scale)}
      from survey_responses r where ${responseFilters(slice)}`);
  return toCounts(result.rows[0]);
}

/** Counts per day, week (from Monday) or month in the workspace's time zone, oldest first. */
export async function scoreCountsByBucket(
  tx: Tx,
  slice: ResponseSlice,
  kind: SurveyKind,
  scale: Scale,
  bucket: Bucket,
): Promise<{ bucket: string; counts: ScoreCounts }[]> {
  const unit = sql.raw(`'${bucket}'`);
  const result = await tx.execute<CountRow>(sql`
    select to_char(date_trunc(${unit}, r.submitted_at at time zone ${slice.timeZone}), 'YYYY-MM-DD') as bucket,
           ${countColumns(kind, scale)}
      from survey_responses r where ${responseFilters(slice)}
     group by 1 order by 1`);
  return result.rows.map((row) => ({ bucket: String(row.bucket), counts: toCounts(row) }));
}

/** How many responses gave each score of the scale (zeros included), low to high. */
export async function scoreDistribution(
  tx: Tx,
  slice: ResponseSlice,
  scale: Scale,
): Promise<{ score: number; count: number }[]> {
  const result = await tx.execute<{ score: number; count: number }>(sql`
    select r.score::int as score, count(*)::int as count
      from survey_responses r where ${responseFilters(slice)} and r.score is not null
     group by 1`);
  const counts = new Map(result.rows.map((r) => [Number(r.score), Number(r.count)]));
  const distribution: { score: number; count: number }[] = [];
  for (let score = scale.min; score <= scale.max; score++) distribution.push({ score, count: counts.get(score) ?? 0 });
  return distribution;
}

/** Invitation statuses that mean the survey reached the person (the response-rate denominator). */
export const DELIVERED_STATUSES = ['sent', 'delivered', 'opened', 'answered', 'dismissed'] as const;

/**
 * The delivery funnel of invitations sent in the period (by their creation, in local dates):
 * delivered → opened → answered; responses ÷ delivered is the response rate.
 */
export async function invitationFunnel(tx: Tx, slice: ResponseSlice) {
  const delivered = sql.join(
    DELIVERED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await tx.execute<{
    delivered: number;
    opened: number;
    answered: number;
    dismissed: number;
    responses: number;
  }>(sql`
    select count(*)::int as delivered,
           count(*) filter (where i.opened_at is not null or i.answered_at is not null)::int as opened,
           count(*) filter (where i.answered_at is not null)::int as answered,
           count(*) filter (where i.dismissed_at is not null and i.answered_at is null)::int as dismissed,
           count(*) filter (where exists (
             select 1 from survey_responses r where r.workspace_id = i.workspace_id and r.invitation_id = i.id))::int as responses
      from survey_invitations i
     where ${snapshotFilters('i', slice)} and i.status in (${delivered})
       and ${localDateRange(sql`i.created_at`, slice.timeZone, slice.from, slice.to)}`);
  const row = result.rows[0];
  const responses = Number(row?.responses ?? 0);
  const total = Number(row?.delivered ?? 0);
  return {
    responseRate: { responses, delivered: total, rate: total > 0 ? responses / total : null },
    funnel: {
      delivered: total,
      opened: Number(row?.opened ?? 0),
      answered: Number(row?.answered ?? 0),
      dismissed: Number(row?.dismissed ?? 0),
    },
  };
}
