import { sql } from 'drizzle-orm';
import type { TimelineItem, TimelineKind } from '../../../shared/contracts/customers.ts';
import type { Tx } from '../../db/client.ts';
import type { Cursor } from '../../lib/cursor.ts';

interface Row extends Record<string, unknown> {
  id: string;
  submitted_at: Date | string;
  conversation_id: string | null;
  channel: string | null;
  comment: string | null;
  survey_id: string;
  survey_name: string;
  kind: string;
  score: number | null;
  delivery: string;
}

/** The surveys module's part of a customer timeline: each response (its comment as text), newest first. */
export async function surveyTimeline(
  tx: Tx,
  workspaceId: string,
  contactId: string,
  options: { cursor: Cursor | null; limit: number; kinds: TimelineKind[] },
): Promise<TimelineItem[]> {
  if (!options.kinds.includes('survey_response')) return [];
  const before = options.cursor
    ? sql`(r.submitted_at, r.id) < (${options.cursor.at}::timestamptz, ${options.cursor.id}::uuid)`
    : sql`true`;
  const result = await tx.execute<Row>(sql`
    select r.id, r.submitted_at, r.conversation_id, r.channel, r.comment, r.survey_id, s.name as survey_name,
           r.kind, r.score, r.delivery
      from survey_responses r
      join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
     where r.workspace_id = ${workspaceId} and r.contact_id = ${contactId} and ${before}
     order by r.submitted_at desc, r.id desc
     limit ${options.limit}`);
  return result.rows.map((r) => ({
    id: r.id,
    kind: 'survey_response',
    occurredAt: new Date(r.submitted_at).toISOString(),
    conversationId: r.conversation_id,
    channel: r.channel,
    text: r.comment ?? '',
    authorType: 'contact',
    authorName: null,
    data: {
      surveyId: r.survey_id,
      surveyName: r.survey_name,
      kind: r.kind,
      score: r.score === null ? null : Number(r.score),
      delivery: r.delivery,
    },
  }));
}
