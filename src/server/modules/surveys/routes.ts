import { z } from 'zod';
import { IdParams, page } from '../../../shared/contracts/common.ts';
import {
  CreateSurveyInput,
  Survey,
  SurveyListQuery,
  SurveyTemplate,
  ThrottlingSettings,
  UpdateSurveyInput,
} from '../../../shared/contracts/surveys.ts';
import type { AppContext } from '../../context.ts';
import { defineRoute } from '../../http/route.ts';
import { createSurvey, getSurvey, listSurveys, updateSurvey } from './service.ts';
import { SURVEY_TEMPLATES } from './templates.ts';
import { saveThrottlingSettings, throttlingSettings } from './throttling.ts';

const tags = ['Surveys'];
export const surveyContext = (app: AppContext) => ({ secret: app.config.secret, publicUrl: app.config.publicUrl });

export const surveyRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/survey-templates',
    summary: 'Ready survey templates (CSAT after support, CES after resolution, relationship NPS, help article)',
    tags,
    auth: 'member',
    action: 'read',
    response: z.object({ data: z.array(SurveyTemplate) }),
    handler: async () => ({ data: SURVEY_TEMPLATES }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/surveys',
    summary: 'Surveys, newest first',
    tags,
    auth: 'member',
    action: 'read',
    query: SurveyListQuery,
    response: page(Survey),
    handler: ({ app, auth, query }) => listSurveys(app.db, surveyContext(app), auth.workspaceId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/surveys',
    summary: 'Create a survey from a template or a definition',
    tags,
    auth: 'member',
    action: 'manage',
    body: CreateSurveyInput,
    response: Survey,
    status: 201,
    handler: ({ app, auth, body }) => createSurvey(app.db, surveyContext(app), auth.workspaceId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/surveys/{id}',
    summary: 'One survey with its current definition',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: Survey,
    handler: ({ app, auth, params }) => getSurvey(app.db, surveyContext(app), auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/surveys/{id}',
    summary: 'Change a survey; a new definition of a survey already sent becomes a new version',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    body: UpdateSurveyInput,
    response: Survey,
    handler: ({ app, auth, params, body }) =>
      updateSurvey(app.db, surveyContext(app), auth.workspaceId, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/settings/survey-throttling',
    summary: 'Workspace-wide limits on surveying one contact',
    tags,
    auth: 'member',
    action: 'read',
    response: ThrottlingSettings,
    handler: ({ app, auth }) => throttlingSettings(app.db, auth.workspaceId),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/settings/survey-throttling',
    summary: 'Set the minimum gap between surveys and the maximum per period for one contact',
    tags,
    auth: 'member',
    action: 'admin',
    body: ThrottlingSettings,
    response: ThrottlingSettings,
    async handler({ app, auth, body }) {
      await saveThrottlingSettings(app.db, auth.workspaceId, body);
      return body;
    },
  }),
];
