import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { AnnotationListQuery } from '../../../shared/contracts/insights.ts';
import type { Annotation } from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import { chartAnnotations } from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';

type AnnotationRow = typeof chartAnnotations.$inferSelect;

function presentAnnotation(row: AnnotationRow): Annotation {
  return { id: row.id, day: row.day, label: row.label, createdAt: row.createdAt.toISOString() };
}

/** Notes pinned to days ("campaign launched"), oldest day first, within from…to when given. */
export async function listAnnotations(
  tx: Tx,
  workspaceId: string,
  query: AnnotationListQuery,
): Promise<{ data: Annotation[] }> {
  if (query.from && query.to && query.from > query.to) throw badRequest('query.to', 'must be on or after from');
  const rows = await tx
    .select()
    .from(chartAnnotations)
    .where(
      and(
        eq(chartAnnotations.workspaceId, workspaceId),
        query.from ? gte(chartAnnotations.day, query.from) : undefined,
        query.to ? lte(chartAnnotations.day, query.to) : undefined,
      ),
    )
    .orderBy(asc(chartAnnotations.day), asc(chartAnnotations.id))
    .limit(1000);
  return { data: rows.map(presentAnnotation) };
}

export async function createAnnotation(
  tx: Tx,
  workspaceId: string,
  userId: string | null,
  input: { day: string; label: string },
): Promise<Annotation> {
  const now = new Date();
  const [row] = await tx
    .insert(chartAnnotations)
    .values({
      workspaceId,
      id: newId(now.getTime()),
      day: input.day,
      label: input.label,
      createdBy: userId,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('annotation insert returned nothing');
  return presentAnnotation(row);
}

export async function deleteAnnotation(tx: Tx, workspaceId: string, id: string): Promise<void> {
  const deleted = await tx
    .delete(chartAnnotations)
    .where(and(eq(chartAnnotations.workspaceId, workspaceId), eq(chartAnnotations.id, id)))
    .returning({ id: chartAnnotations.id });
  if (deleted.length === 0) throw notFound('Annotation');
}
