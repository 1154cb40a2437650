import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { SLA_BREACH_EXPORT_COLUMNS, type SlaBreachExportQuery } from '../../../shared/contracts/sla.ts';
import type { Db } from '../../db/client.ts';
import { type BreachRow, breachRows } from './breaches.ts';

const PAGE = 500;
const UTF8_BOM = '\uFEFF';

type Column = (typeof SLA_BREACH_EXPORT_COLUMNS)[number];

function cells(row: BreachRow): Record<Column, string | number | null> {
  const late = row.met_at ? Math.round((Date.parse(row.met_at) - Date.parse(row.due_at)) / 1000) : null;
  return {
    conversation_id: row.conversation_id,
    external_id: row.external_id,
    subject: row.subject,
    customer_name: row.contact_name,
    customer_email: row.customer_email,
    channel: row.channel,
    team: row.team_name,
    agent_email: row.agent_email,
    policy: row.policy_name,
    target: row.kind,
    sequence: Number(row.sequence),
    cycle: Number(row.cycle),
    target_seconds: Number(row.target_seconds),
    started_at: row.started_at,
    due_at: row.due_at,
    breached_at: row.breached_at,
    met_at: row.met_at,
    late_seconds: late,
  };
}

export interface BreachExport {
  filename: string;
  stream: Readable;
}

/**
 * GET /api/v1/exports/sla-breaches.csv: the breach list as CSV, newest breach first, read
 * page by page (keyset) and streamed. The query is checked (the first page is read) before
 * anything is sent, so a bad filter is a 400, not a broken download.
 */
export async function prepareBreachExport(
  db: Db,
  workspaceId: string,
  query: SlaBreachExportQuery,
): Promise<BreachExport> {
  const first = await breachRows(db, workspaceId, query, { limit: PAGE, after: null });
  async function* lines(): AsyncGenerator<(string | number)[]> {
    let rows = first;
    for (;;) {
      for (const row of rows) {
        const values = cells(row);
        yield SLA_BREACH_EXPORT_COLUMNS.map((column) => values[column] ?? '');
      }
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      rows = await breachRows(db, workspaceId, query, {
        limit: PAGE,
        after: { at: last.breached_at, id: last.target_id },
      });
    }
  }
  const csv = stringify({ header: true, columns: [...SLA_BREACH_EXPORT_COLUMNS] });
  const source = Readable.from(lines());
  source.on('error', (error) => csv.destroy(error));
  source.pipe(csv);
  const stream = query.bom ? Readable.from(withPrefix(UTF8_BOM, csv), { objectMode: false }) : csv;
  return { filename: `koe-sla-breaches-${query.from}_${query.to}.csv`, stream };
}

async function* withPrefix(text: string, stream: Readable) {
  yield text;
  for await (const chunk of stream) yield chunk;
}
