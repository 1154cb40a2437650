import { and, count, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { Contact } from '../../../shared/contracts/customers.ts';
import type { SegmentFilter } from '../../../shared/contracts/segments.ts';
import type { Tx } from '../../db/client.ts';
import { companies, contactIdentities, contacts } from '../../db/schema/index.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { getContacts } from './contacts.ts';

/** The contact's company, for conditions on plan and lifecycle stage. */
const companyWhere = (condition: SQL) =>
  sql`exists (select 1 from ${companies} co where co.workspace_id = "contacts"."workspace_id" and co.id = "contacts"."company_id" and ${condition})`;

/** SQL conditions selecting the contacts of a segment (merged contacts never). */
export function segmentConditions(workspaceId: string, filter: SegmentFilter): SQL[] {
  const conditions: SQL[] = [eq(contacts.workspaceId, workspaceId), isNull(contacts.mergedIntoId)];
  if (filter.locales) {
    const locales = filter.locales.map((l) => l.toLowerCase());
    conditions.push(
      or(
        inArray(sql`lower(${contacts.locale})`, locales),
        inArray(sql`split_part(lower(${contacts.locale}), '-', 1)`, locales),
      ) ?? sql`false`,
    );
  }
  if (filter.companyIds) conditions.push(inArray(contacts.companyId, filter.companyIds));
  if (filter.plans) {
    const plans = filter.plans.map((p) => p.toLowerCase());
    conditions.push(
      companyWhere(
        sql`lower(co.plan) in (${sql.join(
          plans.map((p) => sql`${p}`),
          sql`, `,
        )})`,
      ),
    );
  }
  if (filter.lifecycleStages) {
    const stages = sql.join(
      filter.lifecycleStages.map((s) => sql`${s}`),
      sql`, `,
    );
    conditions.push(companyWhere(sql`co.lifecycle_stage in (${stages})`));
  }
  if (filter.hasEmail !== undefined) {
    const hasEmail = sql`exists (select 1 from ${contactIdentities} ci where ci.workspace_id = "contacts"."workspace_id" and ci.contact_id = "contacts"."id" and ci.kind = 'email')`;
    conditions.push(filter.hasEmail ? hasEmail : sql`not ${hasEmail}`);
  }
  if (filter.createdAfter) conditions.push(gte(contacts.createdAt, new Date(filter.createdAfter)));
  if (filter.createdBefore) conditions.push(lt(contacts.createdAt, new Date(filter.createdBefore)));
  if (filter.attributes && Object.keys(filter.attributes).length > 0) {
    conditions.push(sql`${contacts.attributes} @> ${JSON.stringify(filter.attributes)}::jsonb`);
  }
  return conditions;
}

export async function countSegmentContacts(tx: Tx, workspaceId: string, filter: SegmentFilter): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(contacts)
    .where(and(...segmentConditions(workspaceId, filter)));
  return Number(row?.n ?? 0);
}

/** The contacts of a segment, newest first, one page at a time. */
export async function listSegmentContacts(
  tx: Tx,
  workspaceId: string,
  filter: SegmentFilter,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Contact>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await tx
    .select({ id: contacts.id, createdAt: contacts.createdAt })
    .from(contacts)
    .where(
      and(
        ...segmentConditions(workspaceId, filter),
        cursor
          ? or(
              lt(contacts.createdAt, new Date(cursor.at)),
              and(eq(contacts.createdAt, new Date(cursor.at)), lt(contacts.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  const byId = new Map(
    (
      await getContacts(
        tx,
        workspaceId,
        page.data.map((r) => r.id),
      )
    ).map((c) => [c.id, c]),
  );
  return {
    data: page.data.map((r) => byId.get(r.id)).filter((c): c is Contact => Boolean(c)),
    nextCursor: page.nextCursor,
  };
}

/** Every contact id of a segment, oldest first, at most `limit` (the caller refuses larger sends). */
export async function segmentContactIds(
  tx: Tx,
  workspaceId: string,
  filter: SegmentFilter,
  limit: number,
): Promise<string[]> {
  const rows = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(...segmentConditions(workspaceId, filter)))
    .orderBy(contacts.createdAt, contacts.id)
    .limit(limit);
  return rows.map((r) => r.id);
}
