import { z } from 'zod';
import { Id, Locale } from '../../../shared/contracts/common.ts';
import type { ImportKind } from '../../../shared/contracts/exports.ts';
import { defineRoute } from '../../http/route.ts';
import { getImportJob, MAX_UPLOAD_BYTES, startImportJob } from './jobs.ts';

const tags = ['Imports'];

const startRoute = (kind: ImportKind) =>
  defineRoute({
    method: 'POST',
    path: `/api/v1/imports/${kind}`,
    summary: `Import a CSV file of ${kind === 'conversations' ? 'conversations' : 'survey responses'} (sent as text/csv); runs in the background`,
    description:
      `The body is the file itself, \`content-type: text/csv\`, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; ` +
      'its columns are those of `koe import` (README "Import and export"). A file whose header cannot be imported ' +
      'is a 400 naming `body`, before anything is written. The answer (202) is the import: poll ' +
      '`GET /api/v1/imports/{id}` for the rows done and, at the end, the summary with every rejected row. ' +
      '`?lang=ja` words a refusal of the header in Japanese (English by default).',
    tags,
    auth: 'member',
    action: 'admin',
    status: 202,
    query: z.object({ lang: Locale.optional() }),
    handler: ({ app, auth, query, request }) =>
      startImportJob(app.db, auth.workspaceId, kind, request.body, query.lang),
  });

/** CSV imports from the web app, for admins: the same files and rules as `koe import`. */
export const importRoutes = [
  startRoute('conversations'),
  startRoute('responses'),
  defineRoute({
    method: 'GET',
    path: '/api/v1/imports/{id}',
    summary: 'An import: rows done of the total, then its summary (kept one hour after it ends)',
    description: "`?lang=ja` words the summary's messages in Japanese (English by default).",
    tags,
    auth: 'member',
    action: 'admin',
    params: z.object({ id: Id }),
    query: z.object({ lang: Locale.optional() }),
    handler: async ({ auth, params, query }) => getImportJob(auth.workspaceId, params.id, query.lang),
  }),
];
