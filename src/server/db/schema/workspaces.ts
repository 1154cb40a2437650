import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/contracts/common.ts';
import type { EscalationTier } from '../../../shared/contracts/recovery.ts';
import { tz, workspaceId } from './columns.ts';

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
  defaultLocale: text('default_locale').notNull().default('ja'),
  isDemo: boolean('is_demo').notNull().default(false),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** People are global (one login, many workspaces); membership carries the role. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('ja'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: workspaceId(),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.userId], foreignColumns: [users.id] }),
    primaryKey({ columns: [t.workspaceId, t.userId] }),
  ],
);

export const teams = pgTable(
  'teams',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Business-hours calendar of the team's work (wins over the channel's and the workspace default). */
    calendarId: uuid('calendar_id'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('teams_name_key').on(t.workspaceId, t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    workspaceId: workspaceId(),
    teamId: uuid('team_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** Escalation tier of this member in this team: agent → senior → manager (the team's support manager). */
    tier: text('tier').$type<EscalationTier>().notNull().default('agent'),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.teamId], foreignColumns: [teams.workspaceId, teams.id] }).onDelete(
      'cascade',
    ),
    primaryKey({ columns: [t.workspaceId, t.teamId, t.userId] }),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by'),
    expiresAt: tz('expires_at').notNull(),
    acceptedAt: tz('accepted_at'),
    revokedAt: tz('revoked_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('invitations_token_key').on(t.workspaceId, t.tokenHash),
  ],
);

/** Session tokens look like `<workspaceId>.<secret>`; only the SHA-256 of the secret is stored. */
export const sessions = pgTable(
  'sessions',
  {
    workspaceId: workspaceId(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: tz('expires_at').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
    primaryKey({ columns: [t.workspaceId, t.tokenHash] }),
  ],
);

/** API keys look like `koe_<workspaceId without dashes>_<secret>`; only the SHA-256 is stored. */
export const apiKeys = pgTable(
  'api_keys',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    hint: text('hint').notNull(),
    role: text('role').$type<Role>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull().defaultNow(),
    lastUsedAt: tz('last_used_at'),
    revokedAt: tz('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('api_keys_hash_key').on(t.workspaceId, t.keyHash),
    index('api_keys_created_idx').on(t.workspaceId, t.createdAt),
  ],
);
