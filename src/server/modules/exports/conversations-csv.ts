import { type SQL, sql } from 'drizzle-orm';
import { CONVERSATION_EXPORT_COLUMNS } from '../../../shared/contracts/exports.ts';
import type { Db } from '../../db/client.ts';

/** Conversations per page: each page is one short query, so a long export never holds a transaction. */
export const EXPORT_PAGE = 500;

type Cell = string | number | boolean | Date | null;
type ExportRow = Record<(typeof CONVERSATION_EXPORT_COLUMNS)[number], Cell> & { created_key: string; id_key: string };

/** ISO 8601 in UTC, written by PostgreSQL (raw queries return timestamps as text in the session's format). */
export const isoUtc = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The latest score of a kind among the responses of this conversation and cycle. */
const latestScore = (kind: string) =>
  sql.raw(`(select s.score from survey_responses s
     where s.workspace_id = c.workspace_id and s.conversation_id = c.id and s.cycle = y.cycle
       and s.kind = '${kind}' and s.score is not null
     order by s.submitted_at desc, s.id desc limit 1)`);

/**
 * One row per care cycle, conversations oldest first, read page by page with a keyset
 * cursor on (created_at, id): memory stays flat whatever the size of the export.
 */
export async function* conversationExportRows(db: Db, where: SQL): AsyncGenerator<Cell[]> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const cursor: SQL = after ? sql`and (c.created_at, c.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
    const result: { rows: ExportRow[] } = await db.execute<ExportRow>(sql`
      with page as (
        select c.* from conversations c where ${where} ${cursor}
         order by c.created_at, c.id limit ${EXPORT_PAGE}
      )
      select c.created_at::text as created_key, c.id as id_key,
             c.id as conversation_id, c.external_id, coalesce(y.cycle, c.cycle) as cycle,
             c.channel, c.status, c.priority, c.subject,
             (select i.value from contact_identities i
               where i.workspace_id = c.workspace_id and i.contact_id = c.contact_id and i.kind = 'email'
               order by i.position, i.value limit 1) as customer_email,
             k.name as customer_name, co.domain as company_domain, u.email as assignee_email, t.name as team,
             array_to_string(c.tags, ';') as tags, ${sql.raw(isoUtc('c.created_at'))} as created_at,
             ${sql.raw(isoUtc('y.started_at'))} as cycle_started_at,
             ${sql.raw(isoUtc('y.first_response_at'))} as first_response_at, y.first_response_seconds,
             y.first_response_business_seconds, ${sql.raw(isoUtc('y.resolved_at'))} as resolved_at, y.resolution_seconds,
             y.resolution_business_seconds, y.public_replies as agent_replies, y.reopened,
             ${latestScore('csat')} as csat, ${latestScore('nps')} as nps,
             ${latestScore('ces7')} as ces7, ${latestScore('ces5')} as ces5
        from page c
        left join conversation_cycles y on y.workspace_id = c.workspace_id and y.conversation_id = c.id
        left join contacts k on k.workspace_id = c.workspace_id and k.id = c.contact_id
        left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id
        left join users u on u.id = y.assignee_id
        left join teams t on t.workspace_id = c.workspace_id and t.id = y.team_id
       order by c.created_at, c.id, y.cycle`);
    const rows: ExportRow[] = result.rows;
    for (const row of rows) yield CONVERSATION_EXPORT_COLUMNS.map((column) => row[column]);
    const last: ExportRow | undefined = rows.at(-1);
    if (!last || new Set(rows.map((r) => r.id_key)).size < EXPORT_PAGE) return;
    // The timestamp as text keeps PostgreSQL's microseconds, which a JS Date would round.
    after = { at: last.created_key, id: last.id_key };
  }
}
