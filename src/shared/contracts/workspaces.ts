import { z } from 'zod';
import { Id, Locale, Role, TimeZone } from './common.ts';
import { EscalationTier } from './recovery.ts';

export const Workspace = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  defaultLocale: Locale,
  createdAt: z.iso.datetime(),
});
export type Workspace = z.infer<typeof Workspace>;

export const UpdateWorkspaceInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  timeZone: TimeZone.optional(),
  defaultLocale: Locale.optional(),
});

export const Member = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  locale: Locale,
  teamIds: z.array(Id),
  createdAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;

export const UpdateMemberInput = z.object({ role: Role });

export const Team = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  memberIds: z.array(Id),
  /** Each member's escalation tier in this team (agent → senior → manager: the team's support manager). */
  tiers: z.record(z.string(), EscalationTier),
  /** The business-hours calendar the team's durations are counted in (null: the channel's or the default). */
  calendarId: Id.nullable(),
  createdAt: z.iso.datetime(),
});
export type Team = z.infer<typeof Team>;

export const CreateTeamInput = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(1000).default(''),
  memberIds: z.array(Id).max(500).default([]),
  /** Escalation tiers by member id; members left out keep theirs (new members: agent). */
  memberTiers: z.record(Id, EscalationTier).optional(),
  calendarId: Id.nullable().optional(),
});
/** A PATCH changes only the fields it names: renaming a team keeps its members. */
export const UpdateTeamInput = CreateTeamInput.extend({
  description: CreateTeamInput.shape.description.unwrap(),
  memberIds: CreateTeamInput.shape.memberIds.unwrap(),
}).partial();

export const Invitation = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** Only in the response that creates it: the link to send to the invitee. */
  acceptUrl: z.string().optional(),
});
export type Invitation = z.infer<typeof Invitation>;

export const CreateInvitationInput = z.object({
  email: z.email().max(320),
  role: Role.exclude(['owner']).default('agent'),
});

export const AcceptInvitationInput = z.object({
  token: z.string().min(10).max(200),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(8).max(200),
});

export const ApiKey = z.object({
  id: Id,
  name: z.string(),
  hint: z.string(),
  role: Role,
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  /** Only in the response that creates it. */
  key: z.string().optional(),
});
export type ApiKey = z.infer<typeof ApiKey>;

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  role: Role.exclude(['owner']).default('admin'),
});

export const LoginInput = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
  workspaceId: Id.optional(),
});

export const Me = z.object({
  user: z.object({ id: Id, email: z.string(), name: z.string(), locale: Locale }),
  workspace: Workspace,
  role: Role,
  csrfToken: z.string().nullable(),
  workspaces: z.array(z.object({ id: Id, name: z.string(), role: Role })),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  locale: Locale.optional(),
});
