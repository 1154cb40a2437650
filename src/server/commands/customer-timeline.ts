import type { Page } from '../../shared/contracts/common.ts';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind } from '../../shared/contracts/customers.ts';
import type { Tx } from '../db/client.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { conversationTimeline } from '../modules/conversations/timeline.ts';
import { getContactRow } from '../modules/customers/contacts.ts';
import { recoveryTimeline } from '../modules/recovery/timeline.ts';
import { surveyTimeline } from '../modules/surveys/timeline.ts';

type Source = (
  tx: Tx,
  workspaceId: string,
  contactId: string,
  options: { cursor: ReturnType<typeof decodeCursor>; limit: number; kinds: TimelineKind[] },
) => Promise<TimelineItem[]>;

/** Each module that puts things on a customer's timeline adds its source here. */
const sources: Source[] = [conversationTimeline, surveyTimeline, recoveryTimeline];

/** Everything that happened with a customer, newest first, one keyset cursor across all sources. */
export async function customerTimeline(
  tx: Tx,
  workspaceId: string,
  contactId: string,
  query: { limit: number; cursor?: string | undefined; kinds?: TimelineKind[] | undefined },
): Promise<Page<TimelineItem>> {
  await getContactRow(tx, workspaceId, contactId);
  const cursor = decodeCursor(query.cursor);
  const kinds = query.kinds ?? [...TIMELINE_KINDS];
  const batches = await Promise.all(
    sources.map((source) => source(tx, workspaceId, contactId, { cursor, limit: query.limit + 1, kinds })),
  );
  const merged = batches
    .flat()
    .sort((a, b) => (a.occurredAt === b.occurredAt ? (a.id < b.id ? 1 : -1) : a.occurredAt < b.occurredAt ? 1 : -1));
  const data = merged.slice(0, query.limit);
  const last = data[data.length - 1];
  return { data, nextCursor: merged.length > query.limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}
