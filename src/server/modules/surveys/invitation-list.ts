import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { InvitationListQuery } from '../../../shared/contracts/distribution.ts';
import type { Invitation } from '../../../shared/contracts/surveys.ts';
import type { Tx } from '../../db/client.ts';
import { surveyInvitations } from '../../db/schema/index.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { presentInvitation } from './presenters.ts';
import { getSurveyRecord } from './service.ts';

/** The invitations of one survey, newest first: who was asked, how, and how far it got (or why it was skipped). */
export async function listInvitations(
  tx: Tx,
  workspaceId: string,
  surveyId: string,
  query: InvitationListQuery,
): Promise<Page<Invitation>> {
  await getSurveyRecord(tx, workspaceId, surveyId);
  const cursor = decodeCursor(query.cursor);
  const rows = await tx
    .select()
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.workspaceId, workspaceId),
        eq(surveyInvitations.surveyId, surveyId),
        query.status ? eq(surveyInvitations.status, query.status) : undefined,
        query.contactId ? eq(surveyInvitations.contactId, query.contactId) : undefined,
        cursor
          ? or(
              lt(surveyInvitations.createdAt, new Date(cursor.at)),
              and(eq(surveyInvitations.createdAt, new Date(cursor.at)), lt(surveyInvitations.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(surveyInvitations.createdAt), desc(surveyInvitations.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { data: page.data.map((row) => presentInvitation(row)), nextCursor: page.nextCursor };
}
