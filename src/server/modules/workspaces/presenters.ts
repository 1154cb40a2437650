import type { Locale, Role } from '../../../shared/contracts/common.ts';
import type { EscalationTier } from '../../../shared/contracts/recovery.ts';
import type { ApiKey, Invitation, Member, Team, Workspace } from '../../../shared/contracts/workspaces.ts';
import type { apiKeys, invitations, teams, users, workspaces } from '../../db/schema/index.ts';

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function presentWorkspace(row: typeof workspaces.$inferSelect): Workspace {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    defaultLocale: row.defaultLocale as Locale,
    createdAt: iso(row.createdAt),
  };
}

export function presentMember(user: typeof users.$inferSelect, role: Role, joinedAt: Date, teamIds: string[]): Member {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role,
    locale: user.locale as Locale,
    teamIds,
    createdAt: iso(joinedAt),
  };
}

export function presentTeam(row: typeof teams.$inferSelect, members: { userId: string; tier: EscalationTier }[]): Team {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    memberIds: members.map((m) => m.userId),
    tiers: Object.fromEntries(members.map((m) => [m.userId, m.tier])),
    calendarId: row.calendarId,
    createdAt: iso(row.createdAt),
  };
}

export function presentInvitation(row: typeof invitations.$inferSelect, acceptUrl?: string): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: iso(row.expiresAt),
    acceptedAt: isoOrNull(row.acceptedAt),
    createdAt: iso(row.createdAt),
    ...(acceptUrl ? { acceptUrl } : {}),
  };
}

export function presentApiKey(row: typeof apiKeys.$inferSelect, key?: string): ApiKey {
  return {
    id: row.id,
    name: row.name,
    hint: row.hint,
    role: row.role,
    createdAt: iso(row.createdAt),
    lastUsedAt: isoOrNull(row.lastUsedAt),
    revokedAt: isoOrNull(row.revokedAt),
    ...(key ? { key } : {}),
  };
}
