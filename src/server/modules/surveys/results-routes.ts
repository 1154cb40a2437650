import { z } from 'zod';
import { IdParams, page } from '../../../shared/contracts/common.ts';
import {
  SurveyResponseDetail,
  SurveyResponseListQuery,
  SurveySummary,
  SurveySummaryQuery,
} from '../../../shared/contracts/survey-results.ts';
import { Invitation, SurveyResponse } from '../../../shared/contracts/surveys.ts';
import { defineRoute } from '../../http/route.ts';
import { surveySummary } from '../metrics/survey-summary.ts';
import { conversationInvitations } from './conversation-invitations.ts';
import { conversationResponses, getResponse, listResponses } from './response-queries.ts';
import { surveyContext } from './routes.ts';

const tags = ['Survey results'];

/** Responses, per-survey summaries, and the surveys of a conversation. */
export const surveyResultRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/survey-responses',
    summary:
      'Survey responses, newest first; filter by survey, kind, score band, channel, agent, team, dates, comment, or search comments (Japanese too)',
    tags,
    auth: 'member',
    action: 'read',
    query: SurveyResponseListQuery,
    response: page(SurveyResponse),
    handler: ({ app, auth, query }) => listResponses(app.db, auth.workspaceId, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/survey-responses/{id}',
    summary: 'One response: answers by option id, the survey version it answered, and its conversation',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: SurveyResponseDetail,
    handler: ({ app, auth, params }) => getResponse(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/surveys/{id}/summary',
    summary:
      'A survey’s score with n and 95 % interval, distribution, response rate, funnel, trend and latest comments',
    description:
      'CSAT % = answers 4–5 ÷ scored answers (Wilson interval); NPS = % promoters (9–10) − % detractors (0–6), interval from SE = √((p⁺+p⁻) − (p⁺−p⁻)²) ÷ √n; CES and ratings: the mean with a t-interval. Skipped scores are in no denominator. Dates and trend buckets are in the workspace’s time zone.',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    query: SurveySummaryQuery,
    response: SurveySummary,
    handler: ({ app, auth, params, query }) => surveySummary(app.db, auth.workspaceId, params.id, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conversations/{id}/survey-responses',
    summary: 'Survey responses about this conversation (every care cycle), newest first',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: z.object({ data: z.array(SurveyResponse) }),
    handler: async ({ app, auth, params }) => ({
      data: await conversationResponses(app.db, auth.workspaceId, params.id),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conversations/{id}/survey-invitations',
    summary: 'Surveys offered about this conversation; link invitations carry the url to pass on',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: z.object({ data: z.array(Invitation) }),
    handler: async ({ app, auth, params }) => ({
      data: await conversationInvitations(app.db, surveyContext(app), auth.workspaceId, params.id),
    }),
  }),
];
