import { IdParams } from '../../../shared/contracts/common.ts';
import { AnnotationListQuery, GoalProgressQuery, UpdateGoalInput } from '../../../shared/contracts/insights.ts';
import {
  AnnotationInput,
  GoalInput,
  MetricFilters,
  ReferencesInput,
  ScorecardQuery,
} from '../../../shared/contracts/metrics.ts';
import { defineRoute } from '../../http/route.ts';
import { checkPeriod } from '../metrics/period.ts';
import { createAnnotation, deleteAnnotation, listAnnotations } from './annotations.ts';
import { listGoalProgress } from './goal-progress.ts';
import { createGoal, deleteGoal, getGoal, listGoals, updateGoal } from './goals.ts';
import { getReferences, putReferences } from './references.ts';
import { scorecards } from './scorecards.ts';
import { analyzeVolume } from './volume.ts';

const tags = ['Insights'];

export const insightRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/metrics/references',
    summary: 'Reference points printed beside the figures: the chosen industry’s, with custom ones on top',
    tags,
    auth: 'member',
    action: 'read',
    handler: ({ app, auth }) => getReferences(app.db, auth.workspaceId),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/metrics/references',
    summary: 'Choose the industry (or none) and the custom references; a custom entry replaces the industry’s',
    tags,
    auth: 'member',
    action: 'manage',
    body: ReferencesInput,
    handler: ({ app, auth, body }) => putReferences(app.db, auth.workspaceId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/goals',
    summary: 'Goals of the workspace, its teams and channels, latest period first',
    tags,
    auth: 'member',
    action: 'read',
    handler: ({ app, auth }) => listGoals(app.db, auth.workspaceId),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/goals',
    summary: 'Set a goal for a metric over a period, for the workspace, a team or a channel',
    tags,
    auth: 'member',
    action: 'manage',
    body: GoalInput,
    status: 201,
    handler: ({ app, auth, body }) => createGoal(app.db, auth.workspaceId, auth.userId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/goals/progress',
    summary: 'Each goal whose period contains `on` (or every goal): the figure so far, projection and status',
    tags,
    auth: 'member',
    action: 'read',
    query: GoalProgressQuery,
    handler: ({ app, auth, query }) => app.db.transaction((tx) => listGoalProgress(tx, auth.workspaceId, query)),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/goals/{id}',
    summary: 'One goal',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    handler: ({ app, auth, params }) => getGoal(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/goals/{id}',
    summary: 'Change a goal’s metric, scope, period or target',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    body: UpdateGoalInput,
    handler: ({ app, auth, params, body }) =>
      app.db.transaction((tx) => updateGoal(tx, auth.workspaceId, params.id, body)),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/goals/{id}',
    summary: 'Delete a goal',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => deleteGoal(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/annotations',
    summary: 'Notes pinned to days on every chart, within from…to',
    tags,
    auth: 'member',
    action: 'read',
    query: AnnotationListQuery,
    handler: ({ app, auth, query }) => listAnnotations(app.db, auth.workspaceId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/annotations',
    summary: 'Pin a note to a day ("campaign launched")',
    tags,
    auth: 'member',
    action: 'manage',
    body: AnnotationInput,
    status: 201,
    handler: ({ app, auth, body }) => createAnnotation(app.db, auth.workspaceId, auth.userId, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/annotations/{id}',
    summary: 'Delete a chart note',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => deleteAnnotation(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/metrics/volume',
    summary: 'Volume analysis: topics against the previous period, unusual hours, and next week’s forecast',
    tags,
    auth: 'member',
    action: 'read',
    query: MetricFilters.superRefine(checkPeriod),
    handler: ({ app, auth, query }) => analyzeVolume(app.db, auth.workspaceId, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/metrics/scorecards',
    summary: 'One row per agent (or team): conversations handled, first response, resolution, FCR and CSAT',
    tags,
    auth: 'member',
    action: 'read',
    query: ScorecardQuery.superRefine(checkPeriod),
    handler: ({ app, auth, query }) => app.db.transaction((tx) => scorecards(tx, auth.workspaceId, query)),
  }),
];
