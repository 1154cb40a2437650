import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import {
  CONVERSATION_EXPORT_COLUMNS,
  type ExportCsvQuery,
  type ExportKind,
  RESPONSE_EXPORT_COLUMNS,
} from '../../../shared/contracts/exports.ts';
import type { Db } from '../../db/client.ts';
import { getWorkspace } from '../workspaces/service.ts';
import { conversationExportRows } from './conversations-csv.ts';
import { checkPeriod, conversationFilters, responseFilters } from './filters.ts';
import { responseExportRows } from './responses-csv.ts';

/**
 * CSV exports of conversations (one row per care cycle) and survey responses, streamed:
 * rows are read page by page (keyset) and written as they come, never all in memory.
 * Timestamps are ISO 8601 in UTC; periods are local dates of the workspace's time zone.
 */

const UTF8_BOM = '\uFEFF';

type Cell = string | number | boolean | Date | null | undefined;
const cell = (value: Cell): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
};

export interface PreparedExport {
  filename: string;
  /** CSV text (UTF-8), with a byte order mark when asked for. */
  stream: Readable;
  /** Data rows streamed so far. */
  rows(): number;
}

/** Checks the query (4xx before anything is sent) and returns the CSV stream. */
export async function prepareExport(
  db: Db,
  workspaceId: string,
  kind: ExportKind,
  query: ExportCsvQuery,
): Promise<PreparedExport> {
  checkPeriod(query);
  const { timeZone } = await getWorkspace(db, workspaceId);
  const scope = { workspaceId, timeZone, query };
  const columns = kind === 'conversations' ? CONVERSATION_EXPORT_COLUMNS : RESPONSE_EXPORT_COLUMNS;
  const rows =
    kind === 'conversations'
      ? conversationExportRows(db, await conversationFilters(db, scope))
      : responseExportRows(db, await responseFilters(db, scope));
  let count = 0;
  async function* lines(): AsyncGenerator<string[]> {
    for await (const row of rows) {
      count += 1;
      yield row.map(cell);
    }
  }
  const csv = stringify({ header: true, columns: [...columns], bom: false });
  const source = Readable.from(lines());
  source.on('error', (error) => csv.destroy(error));
  source.pipe(csv);
  const stream = query.bom ? prefix(UTF8_BOM, csv) : csv;
  const period = [query.from, query.to].filter(Boolean).join('_');
  return { filename: `koe-${kind}${period ? `-${period}` : ''}.csv`, stream, rows: () => count };
}

function prefix(text: string, stream: Readable): Readable {
  async function* withPrefix() {
    yield text;
    for await (const chunk of stream) yield chunk;
  }
  return Readable.from(withPrefix(), { objectMode: false });
}

/** Writes an export to a file (the CLI's `koe export … --out FILE`); returns the rows written. */
export async function writeExportFile(
  db: Db,
  workspaceId: string,
  kind: ExportKind,
  query: ExportCsvQuery,
  path: string,
): Promise<{ rows: number; bytes: number }> {
  const prepared = await prepareExport(db, workspaceId, kind, query);
  const file = createWriteStream(path, { mode: 0o600 });
  await once(file, 'open');
  await pipeline(prepared.stream, file);
  return { rows: prepared.rows(), bytes: file.bytesWritten };
}
