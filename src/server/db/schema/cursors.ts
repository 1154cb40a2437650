import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz, workspaceId } from './columns.ts';

/**
 * Where a consumer of an append-only log (e.g. the survey sent after a resolution
 * reading conversation_events) has got to: the (occurred_at, id) of the last event it
 * handled. Advanced in the same transaction as the work it did, so a crash neither
 * loses nor repeats an event.
 */
export const eventCursors = pgTable(
  'event_cursors',
  {
    workspaceId: workspaceId(),
    consumer: text('consumer').notNull(),
    lastOccurredAt: tz('last_occurred_at').notNull(),
    lastEventId: uuid('last_event_id').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.consumer] })],
);
