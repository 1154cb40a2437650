import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import {
  type CreateSegmentInput,
  type Segment,
  type SegmentContacts,
  SegmentFilter,
  type UpdateSegmentInput,
} from '../../../shared/contracts/segments.ts';
import type { Db, Tx } from '../../db/client.ts';
import { segments } from '../../db/schema/index.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { newId } from '../../lib/id.ts';
import { countSegmentContacts, listSegmentContacts } from '../customers/segment-filter.ts';

type SegmentRow = typeof segments.$inferSelect;

/** A stored filter read back through the contract; one that no longer parses is refused, never read as "everyone". */
export function filterOf(row: SegmentRow): SegmentFilter {
  const parsed = SegmentFilter.safeParse(row.filter);
  if (!parsed.success) {
    throw new HttpProblem(409, 'Conflict', 'This segment’s saved filter is no longer valid; save the segment again.');
  }
  return parsed.data;
}

function present(row: SegmentRow): Segment {
  return {
    id: row.id,
    name: row.name,
    filter: filterOf(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getSegmentRow(tx: Tx, workspaceId: string, id: string): Promise<SegmentRow | null> {
  const [row] = await tx
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)))
    .limit(1);
  return row ?? null;
}

export async function getSegment(tx: Tx, workspaceId: string, id: string): Promise<Segment> {
  const row = await getSegmentRow(tx, workspaceId, id);
  if (!row) throw notFound('Segment');
  return present(row);
}

export async function listSegments(
  tx: Tx,
  workspaceId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Segment>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await tx
    .select()
    .from(segments)
    .where(
      and(
        eq(segments.workspaceId, workspaceId),
        cursor
          ? or(
              lt(segments.createdAt, new Date(cursor.at)),
              and(eq(segments.createdAt, new Date(cursor.at)), lt(segments.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(segments.createdAt), desc(segments.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { data: page.data.map(present), nextCursor: page.nextCursor };
}

export async function createSegment(db: Db, workspaceId: string, input: CreateSegmentInput): Promise<Segment> {
  const now = new Date();
  const [row] = await db
    .insert(segments)
    .values({
      workspaceId,
      id: newId(now.getTime()),
      name: input.name,
      filter: input.filter,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('segment insert returned nothing');
  return present(row);
}

export async function updateSegment(
  db: Db,
  workspaceId: string,
  id: string,
  input: UpdateSegmentInput,
): Promise<Segment> {
  const fields: Partial<typeof segments.$inferInsert> = { updatedAt: new Date() };
  if (input.name !== undefined) fields.name = input.name;
  if (input.filter !== undefined) fields.filter = input.filter;
  const [row] = await db
    .update(segments)
    .set(fields)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)))
    .returning();
  if (!row) throw notFound('Segment');
  return present(row);
}

export async function deleteSegment(db: Db, workspaceId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)))
    .returning({ id: segments.id });
  if (deleted.length === 0) throw notFound('Segment');
}

/** Who the filter selects now, with the total. */
export async function filterContacts(
  tx: Tx,
  workspaceId: string,
  filter: SegmentFilter,
  query: { limit: number; cursor?: string | undefined },
): Promise<SegmentContacts> {
  const [page, total] = await Promise.all([
    listSegmentContacts(tx, workspaceId, filter, query),
    countSegmentContacts(tx, workspaceId, filter),
  ]);
  return { ...page, total };
}

export async function segmentContacts(
  db: Db,
  workspaceId: string,
  id: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<SegmentContacts> {
  const segment = await getSegmentRow(db, workspaceId, id);
  if (!segment) throw notFound('Segment');
  return filterContacts(db, workspaceId, filterOf(segment), query);
}
