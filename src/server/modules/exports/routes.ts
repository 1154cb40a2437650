import { ExportCsvQuery, type ExportKind } from '../../../shared/contracts/exports.ts';
import { defineRoute } from '../../http/route.ts';
import { prepareExport } from './service.ts';

const tags = ['Exports'];

const PERIOD =
  'from/to are local dates of the workspace time zone (conversations by creation, responses by submission); ' +
  'the other filters are those of the metrics. Timestamps in the file are ISO 8601 UTC. ' +
  '`bom=true` starts the file with a UTF-8 byte order mark so that Excel opens Japanese text correctly.';

const exportRoute = (kind: ExportKind, summary: string, columns: string) =>
  defineRoute({
    method: 'GET',
    path: `/api/v1/exports/${kind}.csv`,
    summary,
    description: `${PERIOD} Columns: ${columns}.`,
    tags,
    auth: 'member',
    action: 'manage',
    query: ExportCsvQuery,
    handler: async ({ app, auth, query, reply }) => {
      const prepared = await prepareExport(app.db, auth.workspaceId, kind, query);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${prepared.filename}"`)
        .header('cache-control', 'no-store');
      return prepared.stream;
    },
  });

/** CSV exports for managers, admins and owners, streamed page by page. */
export const exportRoutes = [
  exportRoute(
    'conversations',
    'Conversations as CSV, one row per care cycle, with its durations and latest scores',
    'conversation_id, external_id, cycle, channel, status, priority, subject, customer_email, customer_name, company_domain, assignee_email, team, tags (;-separated), created_at, cycle_started_at, first_response_at, first_response_seconds, first_response_business_seconds, resolved_at, resolution_seconds, resolution_business_seconds, agent_replies, reopened, csat, nps, ces7, ces5',
  ),
  exportRoute(
    'responses',
    'Survey responses as CSV (re-importable with koe import responses); also filtered like the responses list: surveyId, scoreBand, hasComment, q',
    'external_id, id, kind, score, comment, created_at, customer_email, customer_name, conversation_id, conversation_external_id, channel, language, survey_id, survey_name, agent_email, team, touchpoint',
  ),
];
