import { createReadStream } from 'node:fs';
import { type Options, parse } from 'csv-parse';
import type { Locale } from '../../../shared/contracts/common.ts';
import {
  ACCEPTED_IMPORT_COLUMNS,
  type ImportKind,
  REQUIRED_IMPORT_COLUMNS,
} from '../../../shared/contracts/exports.ts';
import {
  describeImportFileProblem,
  type ImportFileProblem,
  type ImportReason,
} from '../../../shared/import-reasons.ts';

/** The file cannot be imported at all (missing, unreadable, wrong header): nothing was written. */
export class ImportFileError extends Error {
  /** What is wrong, for words in the reader's language (jobs.ts); the message is the English. */
  readonly problem: ImportFileProblem | undefined;
  constructor(message: string, problem?: ImportFileProblem) {
    super(message);
    this.problem = problem;
  }
}

/** csv-parse's codes for a quoted value that does not close as CSV says. */
const QUOTE_ERRORS = new Set([
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'CSV_INVALID_OPENING_QUOTE',
]);

type MalformedCsv = ImportFileProblem & { code: 'malformed_csv' };

/** What csv-parse refused, as a problem of the file: the line it stopped on (or `line`), and whether a quote was the cause. */
function malformedCsv(error: unknown, line: number): MalformedCsv {
  const { message, code, lines } = error as Error & { code?: string; lines?: number };
  return {
    code: 'malformed_csv',
    line: typeof lines === 'number' && lines > 0 ? lines : line,
    quote: QUOTE_ERRORS.has(code ?? ''),
    detail: message,
  };
}

export interface CsvRecord {
  /** The line the row starts on, the header being line 1. */
  line: number;
  /** Values by column name; absent columns read as ''. */
  values: Record<string, string>;
  /** Set when the row does not have as many fields as the header. */
  fieldCountError: ImportReason | null;
}

/**
 * A byte order mark (Excel's UTF-8) is dropped; blank lines come through as [''] so line numbers stay
 * exact. `onSkip`: a line that is not CSV is reported there and parsing goes on, so the rows parsed
 * before it in the same chunk still come out (an error would drop them with the chunk).
 */
const parser = (onSkip?: (error: Error | undefined) => void) =>
  parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: false,
    ...(onSkip
      ? {
          skip_records_with_error: true,
          on_skip: (error) => {
            onSkip(error);
            return undefined;
          },
        }
      : {}),
  } satisfies Options);

function openFile(path: string) {
  const stream = createReadStream(path);
  stream.on('error', () => undefined);
  return stream;
}

async function opened(path: string): Promise<ReturnType<typeof createReadStream>> {
  const stream = openFile(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) =>
      reject(new ImportFileError(`Cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)),
    );
  });
  return stream;
}

function headerFileProblem(kind: ImportKind, header: string[]): ImportFileProblem | null {
  const missing = REQUIRED_IMPORT_COLUMNS[kind].filter((column) => !header.includes(column)).join(', ');
  if (missing) return { code: 'missing_columns', kind, columns: missing };
  const unknown = header.filter((column) => !ACCEPTED_IMPORT_COLUMNS[kind].includes(column)).join(', ');
  if (unknown) return { code: 'unknown_columns', kind, columns: unknown };
  const twice = header.filter((column, i) => header.indexOf(column) !== i).join(', ');
  if (twice) return { code: 'duplicate_columns', columns: twice };
  return null;
}

/** The problem with a header, in English or Japanese, or null when the import can read it. */
export function headerProblem(kind: ImportKind, header: string[], locale: Locale = 'en'): string | null {
  const problem = headerFileProblem(kind, header);
  return problem ? describeImportFileProblem(problem, locale) : null;
}

const normaliseHeader = (record: string[]) => record.map((name) => name.trim().toLowerCase());

/** Reads the header line only. */
export async function readHeader(path: string): Promise<string[]> {
  const stream = await opened(path);
  const records = stream.pipe(parser());
  try {
    for await (const { record } of records as AsyncIterable<{ record: string[] }>) return normaliseHeader(record);
  } catch (error) {
    throw new ImportFileError(
      `${path} is not a readable CSV file: ${(error as Error).message}`,
      malformedCsv(error, 1),
    );
  } finally {
    stream.destroy();
  }
  throw new ImportFileError(`${path} is empty: it needs a header line.`);
}

/** Line breaks in the file: the total for the progress bar (streamed, nothing kept). */
export async function countLines(path: string, signal?: AbortSignal): Promise<number> {
  const stream = await opened(path);
  let lines = 0;
  let last = 10;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (signal?.aborted) break;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  stream.destroy();
  return last === 10 ? lines : lines + 1;
}

/**
 * The rows of an import file, streamed, after checking the header. A line that is not CSV ends
 * them with an ImportFileError naming it, after every row before it.
 */
export async function* csvRecords(path: string, kind: ImportKind): AsyncGenerator<CsvRecord> {
  const stream = await opened(path);
  // The first line the parser refused (it goes on past it; see parser()).
  const refused: { problem: MalformedCsv | null } = { problem: null };
  const records = stream.pipe(
    parser((error) => {
      refused.problem ??= malformedCsv(error ?? new Error('not valid CSV'), 0);
    }),
  ) as AsyncIterable<{ record: string[]; info: { lines: number } }>;
  const stop = (problem: MalformedCsv) =>
    new ImportFileError(`${path} line ${problem.line}: ${problem.detail}`, problem);
  let header: string[] | null = null;
  let lastLine = 0;
  try {
    for await (const { record, info } of records) {
      const line = lastLine + 1;
      // The rows before a refused line come out; the first one after it stops the file.
      if (refused.problem && info.lines >= refused.problem.line) throw stop(refused.problem);
      lastLine = info.lines;
      if (!header) {
        header = normaliseHeader(record);
        const problem = headerProblem(kind, header);
        if (problem) throw new ImportFileError(problem);
        continue;
      }
      if (record.length === 1 && record[0] === '') continue;
      const values: Record<string, string> = {};
      header.forEach((column, i) => {
        values[column] = record[i] ?? '';
      });
      const fieldCountError: ImportReason | null =
        record.length === header.length ? null : { code: 'field_count', got: record.length, expected: header.length };
      yield { line, values, fieldCountError };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw stop(malformedCsv(error, lastLine + 1));
  } finally {
    stream.destroy();
  }
  const { problem } = refused;
  if (problem) throw stop(problem.line > 0 ? problem : { ...problem, line: lastLine + 1 });
  if (!header) throw new ImportFileError(`${path} is empty: it needs a header line.`);
}
