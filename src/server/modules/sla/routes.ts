import { z } from 'zod';
import { IdParams, page } from '../../../shared/contracts/common.ts';
import {
  CreateSlaPolicyInput,
  ReorderSlaPoliciesInput,
  SlaBreach,
  SlaBreachExportQuery,
  SlaBreachQuery,
  SlaPolicy,
  UpdateSlaPolicyInput,
} from '../../../shared/contracts/sla.ts';
import { defineRoute } from '../../http/route.ts';
import { checkPeriod } from '../metrics/period.ts';
import { listBreaches } from './breaches.ts';
import { prepareBreachExport } from './breaches-csv.ts';
import { createPolicy, deletePolicy, getPolicy, listPolicies, reorderPolicies, updatePolicy } from './policies.ts';

const tags = ['SLA'];

const SEMANTICS =
  'Policies are tried in order; the first enabled policy whose conditions all hold applies (each condition: any of its values; plan and tier compare without case; tier is the company’s `attributes.tier`), else the enabled default. Targets are seconds of the policy’s business-hours calendar (calendar time without one). Clocks pause while the conversation is pending. A warning fires when `warnAtPercent` of a target has passed. Edits apply to clocks started afterwards; deleting a policy withdraws its open clocks.';

/** SLA policies: everyone reads, managers and above write (like calendars and goals). */
export const slaRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/sla/policies',
    summary: 'SLA policies in the order they are tried, the default last',
    description: SEMANTICS,
    tags,
    auth: 'member',
    action: 'read',
    response: z.object({ data: z.array(SlaPolicy), nextCursor: z.null() }),
    handler: async ({ app, auth }) => ({ data: await listPolicies(app.db, auth.workspaceId), nextCursor: null }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/sla/policies',
    summary: 'Create an SLA policy (placed last in the order); at least one target; at most one default',
    description: SEMANTICS,
    tags,
    auth: 'member',
    action: 'manage',
    body: CreateSlaPolicyInput,
    response: SlaPolicy,
    status: 201,
    handler: ({ app, auth, body }) => createPolicy(app.db, auth.workspaceId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/sla/policies/{id}',
    summary: 'One SLA policy',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: SlaPolicy,
    handler: ({ app, auth, params }) => getPolicy(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/sla/policies/{id}',
    summary: 'Change an SLA policy (only the fields given); running clocks keep their promise',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    body: UpdateSlaPolicyInput,
    response: SlaPolicy,
    handler: ({ app, auth, params, body }) => updatePolicy(app.db, auth.workspaceId, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/sla/policies/{id}',
    summary: 'Delete an SLA policy; its open clocks are withdrawn (breaches already recorded stay)',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => deletePolicy(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/sla/policies/reorder',
    summary: 'Set the order in which policies are tried: { ids } lists every policy once',
    tags,
    auth: 'member',
    action: 'manage',
    body: ReorderSlaPoliciesInput,
    response: z.object({ data: z.array(SlaPolicy), nextCursor: z.null() }),
    handler: async ({ app, auth, body }) => ({
      data: await reorderPolicies(app.db, auth.workspaceId, body),
      nextCursor: null,
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/sla/breaches',
    summary: 'Breached SLA targets, newest breach first; the period is by breach (local dates, inclusive)',
    description:
      'Filters: the metrics filters (channel, teamId, agentId, tag, companyId, segmentId) on the target’s snapshot, kind, policyId. `metAt` is set when the target was met late.',
    tags,
    auth: 'member',
    action: 'read',
    query: SlaBreachQuery.superRefine(checkPeriod),
    response: page(SlaBreach),
    handler: ({ app, auth, query }) => app.db.transaction((tx) => listBreaches(tx, auth.workspaceId, query)),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/exports/sla-breaches.csv',
    summary: 'The SLA breach list as CSV',
    description:
      'The filters of GET /api/v1/sla/breaches; `bom=true` starts the file with a UTF-8 byte order mark for Excel. Timestamps are ISO 8601 UTC; late_seconds = met_at − due_at (empty when never met). Columns: conversation_id, external_id, subject, customer_name, customer_email, channel, team, agent_email, policy, target, sequence, cycle, target_seconds, started_at, due_at, breached_at, met_at, late_seconds.',
    tags: ['Exports'],
    auth: 'member',
    action: 'manage',
    query: SlaBreachExportQuery.superRefine(checkPeriod),
    handler: async ({ app, auth, query, reply }) => {
      const prepared = await prepareBreachExport(app.db, auth.workspaceId, query);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${prepared.filename}"`)
        .header('cache-control', 'no-store');
      return prepared.stream;
    },
  }),
];
