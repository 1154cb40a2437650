import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** timestamptz as a JS Date. */
export const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Every tenant-owned row leads with workspace_id (see DESIGN "Data rules"). */
export const workspaceId = () => uuid('workspace_id').notNull();

/**
 * A tsvector written as a literal by src/shared/search.ts (bigrams for Japanese),
 * so PostgreSQL's text parser and locale never decide what a word is.
 */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** Raw bytes (a Buffer from node-postgres, on both engines). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return 'bytea';
  },
});
