import { sql } from 'drizzle-orm';
import type { SurveySummary, SurveySummaryQuery } from '../../../shared/contracts/survey-results.ts';
import { kindScale, lowerIsBetter } from '../../../shared/metrics/bands.ts';
import { figuresFromCounts, scoreUnit } from '../../../shared/metrics/figures.ts';
import type { Tx } from '../../db/client.ts';
import { getSurveyRecord } from '../surveys/service.ts';
import { getWorkspace } from '../workspaces/service.ts';
import {
  invitationFunnel,
  type ResponseSlice,
  responseFilters,
  scoreCounts,
  scoreCountsByBucket,
  scoreDistribution,
} from './satisfaction.ts';

const LATEST_COMMENTS = 10;

async function latestComments(tx: Tx, slice: ResponseSlice): Promise<SurveySummary['latestComments']> {
  const result = await tx.execute<{
    id: string;
    score: number | null;
    comment: string;
    language: string;
    contact_id: string | null;
    contact_name: string | null;
    conversation_id: string | null;
    submitted_at: Date | string;
  }>(sql`
    select r.id, r.score, r.comment, r.language, r.contact_id, c.name as contact_name, r.conversation_id, r.submitted_at
      from survey_responses r
      left join contacts c on c.workspace_id = r.workspace_id and c.id = r.contact_id
     where ${responseFilters(slice)} and r.comment is not null
     order by r.submitted_at desc, r.id desc
     limit ${LATEST_COMMENTS}`);
  return result.rows.map((r) => ({
    id: r.id,
    score: r.score === null ? null : Number(r.score),
    comment: r.comment,
    language: r.language,
    contactId: r.contact_id,
    contactName: r.contact_name,
    conversationId: r.conversation_id,
    submittedAt: new Date(r.submitted_at).toISOString(),
  }));
}

/**
 * One survey's results over a period and slice: the headline score with n and 95 %
 * interval, the mean, bands, distribution, response rate and funnel, a trend in the
 * workspace's time zone with the same figures per bucket, and the latest comments.
 * Every version of the survey counts: a kind (and so a scale) never changes.
 */
export async function surveySummary(
  tx: Tx,
  workspaceId: string,
  surveyId: string,
  query: SurveySummaryQuery,
): Promise<SurveySummary> {
  const survey = await getSurveyRecord(tx, workspaceId, surveyId);
  const { timeZone } = await getWorkspace(tx, workspaceId);
  const kind = survey.row.kind;
  const scale = kindScale(kind, survey.definition.scale);
  const slice: ResponseSlice = {
    workspaceId,
    surveyId,
    timeZone,
    from: query.from,
    to: query.to,
    channel: query.channel,
    agentId: query.agentId,
    teamId: query.teamId,
  };
  const counts = await scoreCounts(tx, slice, kind, scale);
  const buckets = await scoreCountsByBucket(tx, slice, kind, scale, query.bucket);
  const distribution = await scoreDistribution(tx, slice, scale);
  const { responseRate, funnel } = await invitationFunnel(tx, slice);
  return {
    surveyId,
    kind,
    scale,
    unit: scoreUnit(kind),
    lowerIsBetter: lowerIsBetter(kind),
    timeZone,
    ...figuresFromCounts(kind, scale, counts),
    skipped: counts.skipped,
    distribution,
    responseRate,
    funnel,
    trend: buckets.map((b) => ({ bucket: b.bucket, ...figuresFromCounts(kind, scale, b.counts) })),
    latestComments: await latestComments(tx, slice),
  };
}
