import { SlaMetricsQuery } from '../../../shared/contracts/sla.ts';
import { defineRoute } from '../../http/route.ts';
import { checkPeriod } from './period.ts';
import { computeSlaReport } from './sla.ts';

/** SLA attainment, read-only for every role (next to the other metrics routes). */
export const slaMetricsRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/metrics/sla',
    summary: 'SLA attainment per target (first response, next response, resolution) with n and Wilson 95 % intervals',
    description:
      'A target belongs to the period (local dates of the workspace, inclusive) in which it was decided: met on time, or breached (a breach counts even when the target was met late). attainment_percent = met ÷ (met + breached) × 100; applied = met + breached. `by` = team, agent, channel, policy, day, week or month; the metrics filters (channel, teamId, agentId, tag, companyId, segmentId) apply to the target’s snapshot.',
    tags: ['Metrics'],
    auth: 'member',
    action: 'read',
    query: SlaMetricsQuery.superRefine(checkPeriod),
    handler: ({ app, auth, query }) => app.db.transaction((tx) => computeSlaReport(tx, auth.workspaceId, query)),
  }),
];
