import { z } from 'zod';
import { page } from '../../../shared/contracts/common.ts';
import { Conversation } from '../../../shared/contracts/conversations.ts';
import {
  EscalationMetrics,
  EscalationMetricsQuery,
  RecoveryMetrics,
  RecoveryMetricsQuery,
} from '../../../shared/contracts/recovery-metrics.ts';
import { defineRoute } from '../../http/route.ts';
import { escalatedConversations, escalationMetrics } from './escalations.ts';
import { checkPeriod } from './period.ts';
import { recoveryMetrics } from './recovery.ts';

const tags = ['Metrics'];

/** Service-recovery and escalation figures; their items come from GET /recovery/cases and the escalated list. */
export const recoveryMetricsRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/metrics/recovery',
    summary:
      'Recovery figures: cases opened over time, time to first contact, recovery rate, overdue cases, top causes',
    description:
      'Local dates of the workspace, inclusive. Opened and overdue (first contact missed its due time) by opening; time to first contact (median, p90 as percentile_cont; calendar and business seconds) by first contact; recovery rate = recovered ÷ (recovered + not recovered) by closing, Wilson 95 %. by = team, channel or owner adds the same figures per group. Drill down with GET /api/v1/recovery/cases (period, from, to, overdue, outcome, tag, teamId, channel, owner).',
    tags,
    auth: 'member',
    action: 'read',
    query: RecoveryMetricsQuery.superRefine(checkPeriod),
    response: RecoveryMetrics,
    handler: ({ app, auth, query }) => app.db.transaction((tx) => recoveryMetrics(tx, auth.workspaceId, query)),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/metrics/escalations',
    summary: 'Escalation rate: conversations escalated at least once ÷ conversations created, per team or channel',
    description:
      'Conversations created in the period (local dates, inclusive); a conversation counts for the team it started in. Wilson 95 % intervals. byTier counts the escalations made in the period by the tier they reached.',
    tags,
    auth: 'member',
    action: 'read',
    query: EscalationMetricsQuery.superRefine(checkPeriod),
    response: EscalationMetrics,
    handler: ({ app, auth, query }) => app.db.transaction((tx) => escalationMetrics(tx, auth.workspaceId, query)),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/metrics/escalations/conversations',
    summary: 'The escalated conversations behind the escalation rate (of one team or channel with by + key)',
    tags,
    auth: 'member',
    action: 'read',
    query: EscalationMetricsQuery.extend({
      key: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(500).optional(),
    }).superRefine(checkPeriod),
    response: page(Conversation),
    handler: ({ app, auth, query }) => app.db.transaction((tx) => escalatedConversations(tx, auth.workspaceId, query)),
  }),
];
