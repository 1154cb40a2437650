import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Locale, Role } from '../../../shared/contracts/common.ts';
import type { Me, Member, Workspace } from '../../../shared/contracts/workspaces.ts';
import type { Db, Tx } from '../../db/client.ts';
import { apiKeys, memberships, teamMembers, users, workspaces } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { hashPassword, makeApiKey } from './auth.ts';
import { presentMember, presentWorkspace } from './presenters.ts';

export interface CreateWorkspaceInput {
  name: string;
  ownerEmail: string;
  ownerName?: string | undefined;
  ownerPassword?: string | undefined;
  timeZone?: string | undefined;
  defaultLocale?: Locale | undefined;
  isDemo?: boolean | undefined;
  /** Also create an admin API key and return it (shown once). */
  withApiKey?: boolean | undefined;
}

export interface CreatedWorkspace {
  workspace: Workspace;
  owner: { id: string; email: string; name: string; created: boolean };
  apiKey: string | null;
}

/** Creates a tenant with its owner (an existing user joins as owner) and, optionally, an API key. */
export async function createWorkspace(db: Db, input: CreateWorkspaceInput): Promise<CreatedWorkspace> {
  const passwordHash = input.ownerPassword ? await hashPassword(input.ownerPassword) : null;
  return db.transaction(async (tx) => {
    const workspaceId = newId();
    const [workspace] = await tx
      .insert(workspaces)
      .values({
        id: workspaceId,
        name: input.name,
        timeZone: input.timeZone ?? 'Asia/Tokyo',
        defaultLocale: input.defaultLocale ?? 'ja',
        isDemo: input.isDemo ?? false,
      })
      .returning();
    let [user] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${input.ownerEmail.toLowerCase()}`)
      .limit(1);
    const created = !user;
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({
          id: newId(),
          email: input.ownerEmail,
          name: input.ownerName ?? input.ownerEmail.split('@')[0] ?? input.ownerEmail,
          passwordHash,
          locale: input.defaultLocale ?? 'ja',
        })
        .returning();
    } else if (passwordHash && !user.passwordHash) {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    }
    if (!user || !workspace) throw new Error('workspace insert returned nothing');
    await tx.insert(memberships).values({ workspaceId, userId: user.id, role: 'owner' });
    let apiKey: string | null = null;
    if (input.withApiKey) {
      const made = makeApiKey(workspaceId);
      await tx.insert(apiKeys).values({
        workspaceId,
        id: newId(),
        name: 'CLI',
        keyHash: made.hash,
        hint: made.hint,
        role: 'admin',
        createdBy: user.id,
      });
      apiKey = made.key;
    }
    return {
      workspace: presentWorkspace(workspace),
      owner: { id: user.id, email: user.email, name: user.name, created },
      apiKey,
    };
  });
}

export async function getWorkspace(db: Tx, workspaceId: string): Promise<Workspace> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw notFound('Workspace');
  return presentWorkspace(row);
}

export async function updateWorkspace(
  db: Tx,
  workspaceId: string,
  input: { name?: string | undefined; timeZone?: string | undefined; defaultLocale?: Locale | undefined },
): Promise<Workspace> {
  if (Object.values(input).every((value) => value === undefined)) return getWorkspace(db, workspaceId);
  const [row] = await db.update(workspaces).set(input).where(eq(workspaces.id, workspaceId)).returning();
  if (!row) throw notFound('Workspace');
  return presentWorkspace(row);
}

export async function countWorkspaces(db: Tx): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(workspaces);
  return row?.count ?? 0;
}

export async function getMe(db: Tx, workspaceId: string, userId: string, csrfToken: string | null): Promise<Me> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound('User');
  const rows = await db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  const current = rows.find((r) => r.id === workspaceId);
  if (!current) throw notFound('Membership');
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale as Locale },
    workspace: await getWorkspace(db, workspaceId),
    role: current.role,
    csrfToken,
    workspaces: rows,
  };
}

export async function updateUser(
  db: Tx,
  userId: string,
  input: { name?: string | undefined; locale?: Locale | undefined },
): Promise<void> {
  if (Object.keys(input).length === 0) return;
  await db.update(users).set(input).where(eq(users.id, userId));
}

async function teamIdsByUser(db: Tx, workspaceId: string, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.workspaceId, workspaceId), inArray(teamMembers.userId, userIds)));
  for (const row of rows) map.set(row.userId, [...(map.get(row.userId) ?? []), row.teamId]);
  return map;
}

export async function listMembers(db: Tx, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .select({ user: users, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
  const teams = await teamIdsByUser(
    db,
    workspaceId,
    rows.map((r) => r.user.id),
  );
  return rows.map((r) => presentMember(r.user, r.role, r.joinedAt, teams.get(r.user.id) ?? []));
}

export async function getMember(db: Tx, workspaceId: string, userId: string): Promise<Member> {
  const [row] = await db
    .select({ user: users, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) throw notFound('Member');
  const teams = await teamIdsByUser(db, workspaceId, [userId]);
  return presentMember(row.user, row.role, row.joinedAt, teams.get(userId) ?? []);
}

/** A member of the workspace, or null: used to check assignees and authors. */
export async function memberExists(db: Tx, workspaceId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  return Boolean(row);
}

export async function memberNames(db: Tx, workspaceId: string, userIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function ownerCount(db: Tx, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
  return row?.count ?? 0;
}

export async function updateMemberRole(
  db: Db,
  workspaceId: string,
  actorRole: Role,
  userId: string,
  role: Role,
): Promise<Member> {
  return db.transaction(async (tx) => {
    const current = await getMember(tx, workspaceId, userId);
    if (current.role === 'owner' && actorRole !== 'owner') throw forbidden('Only an owner can change an owner.');
    if (role === 'owner' && actorRole !== 'owner') throw forbidden('Only an owner can make someone an owner.');
    if (current.role === 'owner' && role !== 'owner' && (await ownerCount(tx, workspaceId)) <= 1) {
      throw forbidden('A workspace keeps at least one owner.');
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    return getMember(tx, workspaceId, userId);
  });
}

export async function removeMember(db: Db, workspaceId: string, actorRole: Role, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await getMember(tx, workspaceId, userId);
    if (current.role === 'owner' && actorRole !== 'owner') throw forbidden('Only an owner can remove an owner.');
    if (current.role === 'owner' && (await ownerCount(tx, workspaceId)) <= 1) {
      throw forbidden('A workspace keeps at least one owner.');
    }
    await tx.delete(teamMembers).where(and(eq(teamMembers.workspaceId, workspaceId), eq(teamMembers.userId, userId)));
    await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  });
}
