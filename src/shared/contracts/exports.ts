import { z } from 'zod';
import { BAND_NAMES } from '../metrics/bands.ts';
import { Id } from './common.ts';
import { ExportQuery } from './metrics.ts';

/**
 * CSV import and export: the column sets are a contract (README "Import and export");
 * names and meaning never change. Import is `koe import conversations|responses`, export
 * is `koe export …` and GET /api/v1/exports/{conversations,responses}.csv.
 */

export const IMPORT_KINDS = ['conversations', 'responses'] as const;
export const ImportKind = z.enum(IMPORT_KINDS, 'must be conversations or responses');
export type ImportKind = z.infer<typeof ImportKind>;

/** The conversation's own columns, in this order in both its import and its export. */
const CONVERSATION_COLUMNS = [
  'channel',
  'status',
  'priority',
  'subject',
  'customer_email',
  'customer_name',
  'company_domain',
  'assignee_email',
  'team',
  'tags',
  'created_at',
] as const;

/** `tags` is `;`-separated; timestamps are ISO 8601 with an offset, empty when not reached. */
export const CONVERSATION_IMPORT_COLUMNS = [
  'external_id',
  ...CONVERSATION_COLUMNS,
  'first_response_at',
  'resolved_at',
  'reopens',
  'agent_replies',
] as const;

export const RESPONSE_IMPORT_COLUMNS = [
  'external_id',
  'kind',
  'score',
  'comment',
  'created_at',
  'customer_email',
  'conversation_external_id',
  'channel',
  'language',
] as const;

/** One row per care cycle; csat…ces5 are the latest score of each kind given for that cycle. */
export const CONVERSATION_EXPORT_COLUMNS = [
  'conversation_id',
  'external_id',
  'cycle',
  ...CONVERSATION_COLUMNS,
  'cycle_started_at',
  'first_response_at',
  'first_response_seconds',
  'first_response_business_seconds',
  'resolved_at',
  'resolution_seconds',
  'resolution_business_seconds',
  'agent_replies',
  'reopened',
  'csat',
  'nps',
  'ces7',
  'ces5',
] as const;

/** A superset of RESPONSE_IMPORT_COLUMNS: a response export re-imports as it is. */
export const RESPONSE_EXPORT_COLUMNS = [
  'external_id',
  'id',
  'kind',
  'score',
  'comment',
  'created_at',
  'customer_email',
  'customer_name',
  'conversation_id',
  'conversation_external_id',
  'channel',
  'language',
  'survey_id',
  'survey_name',
  'agent_email',
  'team',
  'touchpoint',
] as const;

/** Columns a file must have; the others may be left out (read as empty). */
export const REQUIRED_IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  conversations: ['external_id', 'channel', 'created_at'],
  responses: ['external_id', 'kind', 'created_at'],
};

/** Columns an import reads; any other column of the export of the same kind is accepted and ignored. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  conversations: CONVERSATION_IMPORT_COLUMNS,
  // touchpoint is read too, so an export keeps it through a round trip.
  responses: [...RESPONSE_IMPORT_COLUMNS, 'touchpoint'],
};

export const ACCEPTED_IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  conversations: [...new Set<string>([...CONVERSATION_IMPORT_COLUMNS, ...CONVERSATION_EXPORT_COLUMNS])],
  responses: [...new Set<string>([...RESPONSE_IMPORT_COLUMNS, ...RESPONSE_EXPORT_COLUMNS])],
};

/** A rejected row (or, for warnings, a row kept with a note): line as in the file, the header being line 1. */
export interface ImportIssue {
  line: number;
  field: string;
  /** Why, in English (`koe import`, the --errors file) or the language an import from the web app asked for. */
  message: string;
}

export interface ImportSummary {
  kind: ImportKind;
  workspaceId: string;
  /** Data rows read (the header and blank lines not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first rejected rows (all of them are in the --errors file). */
  errors: ImportIssue[];
  /** Rows kept with a note (an assignee who is not a member stays unassigned). */
  warnings: ImportIssue[];
  /** More errors or warnings than listed. */
  truncated: boolean;
  seconds: number;
}

/** An import started from the web app (POST /api/v1/imports/{kind}): progress, then its summary. */
export interface ImportJob {
  id: string;
  kind: ImportKind;
  status: 'running' | 'succeeded' | 'failed';
  /** Rows read so far, of `total` (the file's lines but the header). */
  done: number;
  total: number;
  summary: ImportSummary | null;
  /** Why a failed import stopped (the batches written before it are kept). */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export const EXPORT_KINDS = ['conversations', 'responses'] as const;
export const ExportKind = z.enum(EXPORT_KINDS, 'must be conversations or responses');
export type ExportKind = z.infer<typeof ExportKind>;

const BooleanFlag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');

/**
 * ExportQuery plus `bom=true`: start the file with a UTF-8 byte order mark, so Excel reads it as UTF-8.
 * Responses only, the filters of the responses list: `surveyId`, `scoreBand`, `hasComment`, `q` (comment search).
 */
export const ExportCsvQuery = ExportQuery.extend({
  bom: BooleanFlag.optional(),
  surveyId: Id.optional(),
  scoreBand: z.enum(BAND_NAMES).optional(),
  hasComment: BooleanFlag.optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
export type ExportCsvQuery = z.infer<typeof ExportCsvQuery>;
