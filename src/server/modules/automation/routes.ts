import { z } from 'zod';
import {
  AutomationRule,
  AutomationRun,
  AutomationRunQuery,
  CreateAutomationRuleInput,
  ReorderAutomationRulesInput,
  UpdateAutomationRuleInput,
} from '../../../shared/contracts/automation.ts';
import { IdParams, page } from '../../../shared/contracts/common.ts';
import { defineRoute } from '../../http/route.ts';
import { createRule, deleteRule, getRule, listRules, reorderRules, updateRule } from './rules.ts';
import { listRuns } from './runs.ts';

const tags = ['Automation'];

export const automationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/automation/rules',
    summary: 'Automation rules, in the order they are tried',
    tags,
    auth: 'member',
    action: 'read',
    response: z.object({ data: z.array(AutomationRule), nextCursor: z.null() }),
    handler: async ({ app, auth }) => ({ data: await listRules(app.db, auth.workspaceId), nextCursor: null }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/automation/rules',
    summary: 'Create a rule: when (an event, or time in a status), if (AND/OR conditions), then (actions)',
    description:
      'Rules on an event run in position order when the event is dispatched, each with the same view of the conversation; their actions are recorded as done by the rule. Events caused by a rule’s actions trigger no rule (the loop guard). Time-based rules run once per stay of a conversation in a status.',
    tags,
    auth: 'member',
    action: 'manage',
    body: CreateAutomationRuleInput,
    response: AutomationRule,
    status: 201,
    handler: ({ app, auth, body }) => createRule(app.db, auth.workspaceId, auth.userId, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/automation/rules/reorder',
    summary: 'Set the order rules are tried in ({ ids }: every rule once)',
    tags,
    auth: 'member',
    action: 'manage',
    body: ReorderAutomationRulesInput,
    response: z.object({ data: z.array(AutomationRule), nextCursor: z.null() }),
    handler: async ({ app, auth, body }) => ({
      data: await reorderRules(app.db, auth.workspaceId, body),
      nextCursor: null,
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/automation/rules/{id}',
    summary: 'One automation rule',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: AutomationRule,
    handler: ({ app, auth, params }) => getRule(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/automation/rules/{id}',
    summary: 'Change a rule (only the fields given); `enabled` switches it on or off',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    body: UpdateAutomationRuleInput,
    response: AutomationRule,
    handler: ({ app, auth, params, body }) => updateRule(app.db, auth.workspaceId, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/automation/rules/{id}',
    summary: 'Delete a rule; its runs stay in the log',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => deleteRule(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/automation/runs',
    summary: 'The run log, newest first: rule, event, each action’s result',
    description:
      'status: succeeded (every action worked), failed (an action failed — the others still ran — or the event could not be read), no_match (the conditions did not hold), loop_guard (the event was caused by this rule’s action, so no rule ran on it).',
    tags,
    auth: 'member',
    action: 'read',
    query: AutomationRunQuery,
    response: page(AutomationRun),
    handler: ({ app, auth, query }) => listRuns(app.db, auth.workspaceId, query),
  }),
];
