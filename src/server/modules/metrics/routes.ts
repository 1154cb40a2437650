import { DrilldownQuery, MetricFilters, MetricsQuery } from '../../../shared/contracts/metrics.ts';
import { defineRoute } from '../../http/route.ts';
import { drilldown } from './drilldown.ts';
import { volumeHeatmap } from './heatmap.ts';
import { checkPeriod } from './period.ts';
import { computeMetrics } from './report.ts';

const tags = ['Metrics'];

const DEFINITIONS =
  'Dates are local to the workspace’s time zone, inclusive. CSAT % = 4–5 ÷ scored (Wilson 95 %); NPS = % promoters − % detractors (SE √((p⁺+p⁻) − (p⁺−p⁻)²) ÷ √n); CES 2.0 (1–7) and effort (1–5) means with t-intervals, never mixed; durations (median, mean, p90 as percentile_cont, seconds) belong to the period in which they end; FCR = first cycles resolved with one public reply, never reopened, and no new conversation of the contact within the FCR window (72 h by default). Repeat a filter to OR its values: ?channel=email&channel=chat.';

/** Reports, heatmap and drill-downs: read-only, for every role, all numbers from one module (report.ts). */
export const metricsRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/metrics',
    summary: 'Every support and satisfaction figure for a period, with n and 95 % intervals; by a dimension or time',
    description: DEFINITIONS,
    tags,
    auth: 'member',
    action: 'read',
    query: MetricsQuery.superRefine(checkPeriod),
    handler: ({ app, auth, query }) => app.db.transaction((tx) => computeMetrics(tx, auth.workspaceId, query)),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/metrics/heatmap',
    summary: 'Conversations created per local weekday (1 = Monday) and hour: 168 cells',
    tags,
    auth: 'member',
    action: 'read',
    query: MetricFilters.superRefine(checkPeriod),
    handler: ({ app, auth, query }) => volumeHeatmap(app.db, auth.workspaceId, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/metrics/drilldown',
    summary: 'The responses, cycles, replies or conversations behind a figure, newest first, with the total',
    description:
      'The same filters as GET /api/v1/metrics; `by` + `key` narrow to one group, `band` to a score band (negative, neutral, positive) or, for rates, to the items counted in the numerator (`counted`) or not (`not_counted`).',
    tags,
    auth: 'member',
    action: 'read',
    query: DrilldownQuery.superRefine(checkPeriod),
    handler: ({ app, auth, query }) => app.db.transaction((tx) => drilldown(tx, auth.workspaceId, query)),
  }),
];
