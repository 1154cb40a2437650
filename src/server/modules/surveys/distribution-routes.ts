import { IdParams, page } from '../../../shared/contracts/common.ts';
import { InvitationListQuery, SendSurveyResult } from '../../../shared/contracts/distribution.ts';
import { Invitation, SendSurveyInput } from '../../../shared/contracts/surveys.ts';
import { defineRoute } from '../../http/route.ts';
import { listInvitations } from './invitation-list.ts';
import { sendSurvey } from './send.ts';

const tags = ['Surveys'];

export const distributionRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/surveys/{id}/send',
    summary:
      'Send a survey to a contact or a segment: by email (one-click score links, unsubscribe link) or as personal links; throttled contacts are skipped with the reason',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    body: SendSurveyInput,
    response: SendSurveyResult,
    handler: ({ app, auth, params, body }) => sendSurvey(app, auth.workspaceId, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/surveys/{id}/invitations',
    summary: 'Invitations of a survey, newest first: delivery funnel status, or why one was skipped',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    query: InvitationListQuery,
    response: page(Invitation),
    handler: ({ app, auth, params, query }) => listInvitations(app.db, auth.workspaceId, params.id, query),
  }),
];
