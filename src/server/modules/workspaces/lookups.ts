import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { memberships, teams, users } from '../../db/schema/index.ts';
import { newId } from '../../lib/id.ts';

/** Members of a workspace by lower-cased email (imports name assignees by email). */
export async function memberIdsByEmail(tx: Tx, workspaceId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: users.id, email: sql<string>`lower(${users.email})` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId));
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** The team with this exact name, created (without members) when there is none. */
export async function findOrCreateTeamByName(tx: Tx, workspaceId: string, rawName: string): Promise<string> {
  const name = rawName.trim();
  const [found] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.name, name)))
    .limit(1);
  if (found) return found.id;
  const id = newId();
  await tx.insert(teams).values({ workspaceId, id, name });
  return id;
}
