import { type SQL, sql } from 'drizzle-orm';
import { RESPONSE_EXPORT_COLUMNS } from '../../../shared/contracts/exports.ts';
import type { Db } from '../../db/client.ts';
import { EXPORT_PAGE, isoUtc } from './conversations-csv.ts';

type Cell = string | number | boolean | Date | null;
type ExportRow = Record<(typeof RESPONSE_EXPORT_COLUMNS)[number], Cell> & { submitted_key: string; id_key: string };

/**
 * One row per response, oldest first, page by page with a keyset cursor on
 * (submitted_at, id). `external_id` is the id in the system a response came from, or
 * Koe's own id for a response collected here, so the file imports again idempotently.
 */
export async function* responseExportRows(db: Db, where: SQL): AsyncGenerator<Cell[]> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const cursor: SQL = after ? sql`and (r.submitted_at, r.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
    const result: { rows: ExportRow[] } = await db.execute<ExportRow>(sql`
      with page as (
        select r.* from survey_responses r where ${where} ${cursor}
         order by r.submitted_at, r.id limit ${EXPORT_PAGE}
      )
      select r.submitted_at::text as submitted_key, r.id as id_key,
             coalesce(r.external_id, r.id::text) as external_id, r.id, r.kind, r.score, r.comment,
             ${sql.raw(isoUtc('r.submitted_at'))} as created_at,
             (select i.value from contact_identities i
               where i.workspace_id = r.workspace_id and i.contact_id = r.contact_id and i.kind = 'email'
               order by i.position, i.value limit 1) as customer_email,
             k.name as customer_name, r.conversation_id, c.external_id as conversation_external_id,
             r.channel, r.language, r.survey_id, s.name as survey_name, u.email as agent_email,
             t.name as team, r.touchpoint
        from page r
        left join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
        left join contacts k on k.workspace_id = r.workspace_id and k.id = r.contact_id
        left join conversations c on c.workspace_id = r.workspace_id and c.id = r.conversation_id
        left join users u on u.id = r.agent_id
        left join teams t on t.workspace_id = r.workspace_id and t.id = r.team_id
       order by r.submitted_at, r.id`);
    const rows: ExportRow[] = result.rows;
    for (const row of rows) yield RESPONSE_EXPORT_COLUMNS.map((column) => row[column]);
    const last: ExportRow | undefined = rows.at(-1);
    if (!last || rows.length < EXPORT_PAGE) return;
    after = { at: last.submitted_key, id: last.id_key };
  }
}
