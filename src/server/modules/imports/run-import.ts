import { once } from 'node:events';
import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { ImportIssue, ImportKind, ImportSummary } from '../../../shared/contracts/exports.ts';
import { describeImportReason, type ImportReason } from '../../../shared/import-reasons.ts';
import type { Db, Tx } from '../../db/client.ts';
import { retryOnConflict } from '../../db/retry.ts';
import { memberIdsByEmail } from '../workspaces/lookups.ts';
import { getWorkspace } from '../workspaces/service.ts';
import { recomputeImportedDurations } from './business-time.ts';
import { type ConversationRow, parseConversationRow } from './conversation-rows.ts';
import { countLines, csvRecords, ImportFileError } from './csv-source.ts';
import { RowError } from './fields.ts';
import { parseResponseRow, type ResponseRow } from './response-rows.ts';
import {
  type ImportContext,
  prepareSurveys,
  type RowResult,
  writeConversationRow,
  writeResponseRow,
} from './row-writers.ts';

/**
 * `koe import conversations|responses`: streams a CSV file (never held in memory), checks
 * every row fully before writing, and writes the good rows in batches of BATCH_SIZE, one
 * transaction each. Each row is written in its own savepoint, so a row refused by the
 * database is reported and skipped without aborting its batch.
 */
export const BATCH_SIZE = 500;
/** How many errors and warnings the summary lists (the --errors file has them all). */
export const LISTED_ISSUES = 1000;

export interface ImportOptions {
  workspaceId: string;
  kind: ImportKind;
  /** The CSV file, read by the process that writes the database. */
  path: string;
  /** Where to write the rejected rows as `line,field,message` (optional). */
  errorsPath?: string | null | undefined;
  batchSize?: number;
  /** Filled with the reasons of the summary's errors and warnings, in their order, to word them in another language. */
  reasons?: ListedReasons;
  onProgress?: (done: number, total: number, label?: string) => void;
  signal?: AbortSignal;
}

export interface ListedReasons {
  errors: ImportReason[];
  warnings: ImportReason[];
}

export class ImportStopped extends Error {
  constructor() {
    super('The import was stopped; the batches written so far are kept (run it again to finish).');
  }
}

type Row = ConversationRow | ResponseRow;

interface Tally {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  truncated: boolean;
  reasons: ListedReasons | undefined;
}

class ErrorsFile {
  private stream: WriteStream | null;
  constructor(path: string | null | undefined) {
    // Opened at once, so an unwritable path fails the import before anything is written.
    this.stream = path ? createWriteStream('', { fd: openSync(path, 'w'), encoding: 'utf8' }) : null;
    this.write(['line', 'field', 'message']);
  }
  write(values: (string | number)[]) {
    this.stream?.write(stringify([values]));
  }
  async close() {
    if (!this.stream) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

function issueOf(error: unknown): { field: string; reason: ImportReason } {
  if (error instanceof RowError) return { field: error.field, reason: error.reason };
  // A database refusal of this one row (its savepoint rolled back): reported, never fatal.
  return { field: 'row', reason: { code: 'not_written', detail: (error as Error).message.split('\n')[0] ?? '' } };
}

function reject(tally: Tally, errors: ErrorsFile, line: number, error: unknown) {
  const { field, reason } = issueOf(error);
  tally.rejected += 1;
  errors.write([line, field, describeImportReason(reason, 'en')]);
  if (tally.errors.length < LISTED_ISSUES) {
    tally.errors.push({ line, field, message: describeImportReason(reason, 'en') });
    tally.reasons?.errors.push(reason);
  } else tally.truncated = true;
}

async function writeBatch(db: Db, ctx: ImportContext, kind: ImportKind, rows: Row[], tally: Tally, errors: ErrorsFile) {
  const write = (tx: Tx, row: Row) =>
    kind === 'conversations'
      ? writeConversationRow(tx, ctx, row as ConversationRow)
      : writeResponseRow(tx, ctx, row as ResponseRow);
  // Outcomes count only once the batch has committed (a retried batch counts once).
  const outcomes = await retryOnConflict(() =>
    db.transaction(async (tx) => {
      if (kind === 'responses') await prepareSurveys(tx, ctx, rows as ResponseRow[]);
      const results: { row: Row; result?: RowResult; error?: unknown }[] = [];
      for (const row of rows) {
        try {
          const result = await retryOnConflict(() => tx.transaction((savepoint) => write(savepoint, row)), 2);
          results.push({ row, result });
        } catch (error) {
          results.push({ row, error });
        }
      }
      const changed = results.flatMap((r) =>
        r.result?.conversationId && r.result.outcome !== 'unchanged' ? [r.result.conversationId] : [],
      );
      await recomputeImportedDurations(tx, ctx.workspaceId, changed);
      return results;
    }),
  );
  for (const { row, result, error } of outcomes) {
    if (!result) {
      reject(tally, errors, row.line, error);
      continue;
    }
    tally[result.outcome] += 1;
    for (const { line, field, reason } of result.warnings) {
      if (tally.warnings.length < LISTED_ISSUES) {
        tally.warnings.push({ line, field, message: describeImportReason(reason, 'en') });
        tally.reasons?.warnings.push(reason);
      } else tally.truncated = true;
    }
  }
}

export async function runImport(db: Db, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { workspaceId, kind } = options;
  const workspace = await getWorkspace(db, workspaceId);
  const ctx: ImportContext = {
    workspaceId,
    defaultLocale: workspace.defaultLocale,
    membersByEmail: await memberIdsByEmail(db, workspaceId),
    surveys: new Map(),
  };
  const total = Math.max(0, (await countLines(options.path, options.signal)) - 1);
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const tally: Tally = {
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    warnings: [],
    truncated: false,
    reasons: options.reasons,
  };
  const errors = new ErrorsFile(options.errorsPath);
  let rows = 0;
  let batch: Row[] = [];
  const report = () => options.onProgress?.(rows, Math.max(total, rows), 'rows');
  const flush = async () => {
    if (batch.length > 0) await writeBatch(db, ctx, kind, batch, tally, errors);
    batch = [];
    report();
    if (options.signal?.aborted) throw new ImportStopped();
  };
  try {
    report();
    try {
      for await (const record of csvRecords(options.path, kind)) {
        rows += 1;
        try {
          batch.push(kind === 'conversations' ? parseConversationRow(record) : parseResponseRow(record));
        } catch (error) {
          reject(tally, errors, record.line, error);
        }
        if (batch.length >= batchSize || rows % batchSize === 0) await flush();
      }
    } catch (error) {
      // A line that is not CSV stops the file there: the rows read before it are written first, so
      // everything before the named line is in, and importing the corrected file again finishes it.
      if (error instanceof ImportFileError) await flush();
      throw error;
    }
    await flush();
  } finally {
    await errors.close();
  }
  return {
    kind,
    workspaceId,
    rows,
    created: tally.created,
    updated: tally.updated,
    unchanged: tally.unchanged,
    rejected: tally.rejected,
    errors: tally.errors,
    warnings: tally.warnings,
    truncated: tally.truncated,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
