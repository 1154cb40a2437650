import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SlaConditions, SlaTargetKind, SlaTargetStatus } from '../../../shared/contracts/sla.ts';
import { tz, workspaceId } from './columns.ts';

/**
 * Promised response and resolution times. Policies are tried in `position` order and the
 * first whose conditions all hold applies; the default policy (at most one) applies when
 * none does. Targets in seconds of the policy's business-hours calendar (calendar time
 * when `calendar_id` is null).
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    isDefault: boolean('is_default').notNull().default(false),
    /** priority[], channel[], companyPlan[], companyTier[], tags[] (any of): every listed field must hold. */
    conditions: jsonb('conditions').$type<SlaConditions>().notNull().default({}),
    firstResponseSeconds: integer('first_response_seconds'),
    nextResponseSeconds: integer('next_response_seconds'),
    resolutionSeconds: integer('resolution_seconds'),
    calendarId: uuid('calendar_id'),
    /** A warning fires when this share of a target's time has passed (80 = at 80 %). */
    warnAtPercent: smallint('warn_at_percent').notNull().default(80),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('sla_policies_default_key').on(t.workspaceId).where(sql`${t.isDefault}`),
  ],
);

/**
 * One promise on one conversation's care cycle: first response, each next response, or
 * resolution. `due_at` is the deadline while the clock runs; while the conversation waits
 * on the customer (pending) the clock pauses: `due_at` is null and `remaining_seconds`
 * keeps the business seconds left. The warning and the breach fire once each
 * (`warned_at`, `breached_at`); `met_at` closes the target.
 */
export const slaTargets = pgTable(
  'sla_targets',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    cycle: integer('cycle').notNull(),
    kind: text('kind').$type<SlaTargetKind>().notNull(),
    /** 1 for first response and resolution; the n-th customer wait for next response. */
    sequence: integer('sequence').notNull().default(1),
    policyId: uuid('policy_id').notNull(),
    targetSeconds: integer('target_seconds').notNull(),
    calendarId: uuid('calendar_id'),
    startedAt: tz('started_at').notNull(),
    dueAt: tz('due_at'),
    warnAt: tz('warn_at'),
    /** While paused: business seconds left to the deadline. */
    remainingSeconds: integer('remaining_seconds'),
    pausedAt: tz('paused_at'),
    status: text('status').$type<SlaTargetStatus>().notNull(),
    warnedAt: tz('warned_at'),
    breachedAt: tz('breached_at'),
    metAt: tz('met_at'),
    /** Snapshot for attainment slices: who and which team/channel the promise concerned. */
    agentId: uuid('agent_id'),
    teamId: uuid('team_id'),
    channel: text('channel').notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('sla_targets_key').on(t.workspaceId, t.conversationId, t.cycle, t.kind, t.sequence),
    /** The sla-check job: running clocks whose warning or deadline comes up. */
    index('sla_targets_running_idx').on(t.dueAt).where(sql`${t.status} = 'active'`),
    index('sla_targets_warn_idx').on(t.warnAt).where(sql`${t.status} = 'active' and ${t.warnedAt} is null`),
    index('sla_targets_started_idx').on(t.workspaceId, t.startedAt),
  ],
);
