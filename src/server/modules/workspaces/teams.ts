import { and, asc, eq, inArray } from 'drizzle-orm';
import type { EscalationTier } from '../../../shared/contracts/recovery.ts';
import type { Team } from '../../../shared/contracts/workspaces.ts';
import type { Db, Tx } from '../../db/client.ts';
import { memberships, teamMembers, teams } from '../../db/schema/index.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { calendarExists } from '../calendars/queries.ts';
import { presentTeam } from './presenters.ts';

interface TeamInput {
  name?: string | undefined;
  description?: string | undefined;
  memberIds?: string[] | undefined;
  /** Escalation tiers by member id; members left out keep theirs (new members: agent). */
  memberTiers?: Record<string, EscalationTier> | undefined;
  calendarId?: string | null | undefined;
}

type TeamMember = { userId: string; tier: EscalationTier };

async function assertCalendar(tx: Tx, workspaceId: string, calendarId: string | null | undefined): Promise<void> {
  if (calendarId && !(await calendarExists(tx, workspaceId, calendarId))) {
    throw badRequest('body.calendarId', 'is not a calendar of this workspace');
  }
}

/** A deleted calendar: its teams fall back to the channel's or the default calendar. */
export async function clearCalendarFromTeams(tx: Tx, workspaceId: string, calendarId: string): Promise<void> {
  await tx
    .update(teams)
    .set({ calendarId: null })
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.calendarId, calendarId)));
}

async function membersOf(db: Tx, workspaceId: string, teamIds: string[]): Promise<Map<string, TeamMember[]>> {
  const map = new Map<string, TeamMember[]>();
  if (teamIds.length === 0) return map;
  const rows = await db
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.workspaceId, workspaceId), inArray(teamMembers.teamId, teamIds)));
  for (const row of rows) {
    map.set(row.teamId, [...(map.get(row.teamId) ?? []), { userId: row.userId, tier: row.tier }]);
  }
  return map;
}

export async function listTeams(db: Tx, workspaceId: string): Promise<Team[]> {
  const rows = await db.select().from(teams).where(eq(teams.workspaceId, workspaceId)).orderBy(asc(teams.name));
  const members = await membersOf(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentTeam(r, members.get(r.id) ?? []));
}

export async function getTeam(db: Tx, workspaceId: string, teamId: string): Promise<Team> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)))
    .limit(1);
  if (!row) throw notFound('Team');
  const members = await membersOf(db, workspaceId, [teamId]);
  return presentTeam(row, members.get(teamId) ?? []);
}

export async function teamExists(db: Tx, workspaceId: string, teamId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)))
    .limit(1);
  return Boolean(row);
}

async function setMembers(
  tx: Tx,
  workspaceId: string,
  teamId: string,
  memberIds: string[],
  memberTiers: Record<string, EscalationTier> = {},
): Promise<void> {
  const unique = [...new Set(memberIds)];
  const strangers = Object.keys(memberTiers).filter((id) => !unique.includes(id));
  if (strangers[0]) throw badRequest(`body.memberTiers.${strangers[0]}`, 'is not a member of the team');
  const current = new Map(
    ((await membersOf(tx, workspaceId, [teamId])).get(teamId) ?? []).map((m) => [m.userId, m.tier]),
  );
  if (unique.length > 0) {
    const found = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, unique)));
    const known = new Set(found.map((f) => f.userId));
    const index = unique.findIndex((id) => !known.has(id));
    if (index >= 0) throw badRequest(`body.memberIds.${index}`, 'is not a member of this workspace');
  }
  await tx.delete(teamMembers).where(and(eq(teamMembers.workspaceId, workspaceId), eq(teamMembers.teamId, teamId)));
  if (unique.length > 0) {
    await tx.insert(teamMembers).values(
      unique.map((userId) => ({
        workspaceId,
        teamId,
        userId,
        tier: memberTiers[userId] ?? current.get(userId) ?? ('agent' as const),
      })),
    );
  }
}

async function nameTaken(tx: Tx, workspaceId: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.name, name)))
    .limit(1);
  return Boolean(row && row.id !== exceptId);
}

export async function createTeam(db: Db, workspaceId: string, input: TeamInput & { name: string }): Promise<Team> {
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, workspaceId, input.name)) throw conflict('body.name', 'a team with this name exists');
    await assertCalendar(tx, workspaceId, input.calendarId);
    const id = newId();
    await tx.insert(teams).values({
      workspaceId,
      id,
      name: input.name,
      description: input.description ?? '',
      calendarId: input.calendarId ?? null,
    });
    await setMembers(tx, workspaceId, id, input.memberIds ?? [], input.memberTiers);
    return getTeam(tx, workspaceId, id);
  });
}

export async function updateTeam(db: Db, workspaceId: string, teamId: string, input: TeamInput): Promise<Team> {
  return db.transaction(async (tx) => {
    await getTeam(tx, workspaceId, teamId);
    if (input.name !== undefined && (await nameTaken(tx, workspaceId, input.name, teamId))) {
      throw conflict('body.name', 'a team with this name exists');
    }
    await assertCalendar(tx, workspaceId, input.calendarId);
    const fields: Partial<typeof teams.$inferInsert> = {};
    if (input.name !== undefined) fields.name = input.name;
    if (input.description !== undefined) fields.description = input.description;
    if (input.calendarId !== undefined) fields.calendarId = input.calendarId;
    if (Object.keys(fields).length > 0) {
      await tx
        .update(teams)
        .set(fields)
        .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
    }
    if (input.memberIds || input.memberTiers) {
      const memberIds = input.memberIds ?? (await getTeam(tx, workspaceId, teamId)).memberIds;
      await setMembers(tx, workspaceId, teamId, memberIds, input.memberTiers);
    }
    return getTeam(tx, workspaceId, teamId);
  });
}

export async function deleteTeam(db: Db, workspaceId: string, teamId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await getTeam(tx, workspaceId, teamId);
    await tx.delete(teamMembers).where(and(eq(teamMembers.workspaceId, workspaceId), eq(teamMembers.teamId, teamId)));
    await tx.delete(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
  });
}
