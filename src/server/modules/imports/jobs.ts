import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { ImportIssue, ImportJob, ImportKind } from '../../../shared/contracts/exports.ts';
import {
  describeImportFileProblem,
  describeImportReason,
  type ImportFileProblem,
  type ImportReason,
} from '../../../shared/import-reasons.ts';
import type { Db } from '../../db/client.ts';
import { badRequest, HttpProblem, notFound } from '../../http/problem.ts';
import { headerProblem, ImportFileError, readHeader } from './csv-source.ts';
import { type ListedReasons, runImport } from './run-import.ts';

/** A job as kept: with its rows' reasons and, when it stopped on a line it could not read, that problem (for words in either language). */
type Job = ImportJob & { workspaceId: string; reasons: ListedReasons; stopped: ImportFileProblem | null };

/** The largest file the web app may upload (the CLI reads files of any size). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
/** How long a finished import's summary stays readable. */
const KEPT_MS = 60 * 60 * 1000;

const jobs = new Map<string, Job>();

function forget(now: number): void {
  for (const [id, job] of jobs) {
    if (job.finishedAt && now - Date.parse(job.finishedAt) > KEPT_MS) jobs.delete(id);
  }
}

/** The uploaded body into a temporary file (the import streams files), refused past MAX_UPLOAD_BYTES. */
async function saveUpload(body: NodeJS.ReadableStream, path: string): Promise<number> {
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) {
        callback(
          new HttpProblem(413, 'File too large', `body: the file is over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, [
            { field: 'body', message: `must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` },
          ]),
        );
        return;
      }
      callback(null, chunk);
    },
  });
  await pipeline(body, limit, createWriteStream(path));
  return bytes;
}

/**
 * An import from the web app: the CSV body is saved to a temporary file, its header checked
 * (a 400 naming `body` before anything is written), and the import runs in the background,
 * reporting rows done; the summary is kept an hour. The same import as `koe import`.
 */
export async function startImportJob(
  db: Db,
  workspaceId: string,
  kind: ImportKind,
  body: unknown,
  /** The language of a refusal (a header that cannot be imported); English by default. */
  locale: Locale = 'en',
): Promise<ImportJob> {
  if (!body || typeof (body as NodeJS.ReadableStream).pipe !== 'function') {
    throw badRequest('body', 'must be a CSV file sent as text/csv');
  }
  const dir = await mkdtemp(join(tmpdir(), 'koe-import-'));
  const path = join(dir, 'upload.csv');
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const bytes = await saveUpload(body as NodeJS.ReadableStream, path);
    if (bytes === 0) throw badRequest('body', describeImportFileProblem({ code: 'empty_file' }, locale));
    const problem = headerProblem(kind, await readHeader(path), locale);
    if (problem) throw badRequest('body', problem);
  } catch (error) {
    await cleanup();
    if (error instanceof ImportFileError) {
      const { problem } = error;
      throw badRequest(
        'body',
        problem ? describeImportFileProblem(problem, locale) : error.message.replace(path, 'the file'),
      );
    }
    throw error;
  }
  forget(Date.now());
  const job: Job = {
    id: randomUUID(),
    workspaceId,
    kind,
    status: 'running',
    done: 0,
    total: 0,
    summary: null,
    error: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    reasons: { errors: [], warnings: [] },
    stopped: null,
  };
  jobs.set(job.id, job);
  void runImport(db, {
    workspaceId,
    kind,
    path,
    reasons: job.reasons,
    onProgress: (done, total) => {
      job.done = done;
      job.total = total;
    },
  })
    .then((summary) => {
      job.summary = summary;
      job.status = 'succeeded';
    })
    .catch((error: unknown) => {
      job.status = 'failed';
      job.error = (error instanceof Error ? error.message : String(error)).replace(path, 'the file');
      if (error instanceof ImportFileError && error.problem) job.stopped = error.problem;
    })
    .finally(() => {
      job.finishedAt = new Date().toISOString();
      void cleanup();
    });
  return present(job);
}

/** What the API shows of a job: all but the workspace it belongs to; the rows' reasons and where it stopped in the language asked for. */
function present({ workspaceId: _workspaceId, reasons, stopped, ...job }: Job, locale: Locale = 'en'): ImportJob {
  if (stopped) return { ...job, error: describeImportFileProblem(stopped, locale) };
  if (!job.summary || locale === 'en') return job;
  const reword = (issues: ImportIssue[], listed: ImportReason[]) =>
    issues.map((issue, i) => {
      const reason = listed[i];
      return reason ? { ...issue, message: describeImportReason(reason, locale) } : issue;
    });
  return {
    ...job,
    summary: {
      ...job.summary,
      errors: reword(job.summary.errors, reasons.errors),
      warnings: reword(job.summary.warnings, reasons.warnings),
    },
  };
}

/** An import of this workspace, running or finished within the hour; its rows' reasons in English or `locale`. */
export function getImportJob(workspaceId: string, id: string, locale?: Locale): ImportJob {
  const job = jobs.get(id);
  if (!job || job.workspaceId !== workspaceId) throw notFound('Import');
  return present(job, locale);
}
