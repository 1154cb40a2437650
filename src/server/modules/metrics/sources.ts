import { type SQL, sql } from 'drizzle-orm';
import type { MetricsContext } from './context.ts';
import type { Period } from './period.ts';
import { DELIVERED_STATUSES, localDateRange } from './satisfaction.ts';

/**
 * The rows behind each figure, as subqueries with one shape, so that filters, group keys
 * and drill-downs are written once (filters.ts) whatever the figure:
 *
 *   at            when the row counts (reply, resolution, submission, creation)
 *   channel, agent_id, team_id, company_id, contact_id, touchpoint, tags
 *                 the attribution of this figure (DESIGN.md: the replier, the resolver …)
 *   conversation_id, cycle, item_id   what a drill-down lists
 *
 * followed by the figure's own columns. Column order matters: durations and volume
 * stack their sources with `union all`.
 */

export const SURVEY_KINDS_MEASURED = ['csat', 'nps', 'ces7', 'ces5'] as const;
export type MeasuredKind = (typeof SURVEY_KINDS_MEASURED)[number];

interface Shape {
  at: SQL;
  channel: SQL;
  agentId: SQL;
  teamId: SQL;
  companyId: SQL;
  contactId: SQL;
  touchpoint: SQL;
  tags: SQL;
  conversationId: SQL;
  cycle: SQL;
  itemId: SQL;
}

/** A figure's rows: the subquery and whether its rows have a touchpoint (survey rows only). */
export interface Source {
  sql: SQL;
  hasTouchpoint: boolean;
}

function select(shape: Shape, extras: [string, SQL][]): SQL {
  const columns: SQL[] = [
    sql`${shape.at} as at`,
    sql`${shape.channel}::text as channel`,
    sql`${shape.agentId}::uuid as agent_id`,
    sql`${shape.teamId}::uuid as team_id`,
    sql`${shape.companyId}::uuid as company_id`,
    sql`${shape.contactId}::uuid as contact_id`,
    sql`${shape.touchpoint}::text as touchpoint`,
    sql`${shape.tags}::text[] as tags`,
    sql`${shape.conversationId}::uuid as conversation_id`,
    sql`${shape.cycle}::int as cycle`,
    sql`${shape.itemId}::uuid as item_id`,
    ...extras.map(([name, value]) => sql`${value} as ${sql.raw(name)}`),
  ];
  return sql.join(columns, sql`, `);
}

const inPeriod = (ctx: MetricsContext, column: SQL, period: Period) =>
  localDateRange(column, ctx.timeZone, period.from, period.to);

/** The conversation's attribution columns (conversations `c`). */
const conversationShape = {
  channel: sql`c.channel`,
  companyId: sql`c.company_id`,
  contactId: sql`c.contact_id`,
  touchpoint: sql`null`,
  tags: sql`c.tags`,
  conversationId: sql`c.id`,
};

const CYCLES = sql`conversation_cycles cy join conversations c on c.workspace_id = cy.workspace_id and c.id = cy.conversation_id`;

/** Survey responses of the measured kinds, by submission; company via the contact, tags via the conversation. */
export function responsesSource(ctx: MetricsContext, period: Period): Source {
  const kinds = sql.join(
    SURVEY_KINDS_MEASURED.map((k) => sql`${k}`),
    sql`, `,
  );
  const shape: Shape = {
    at: sql`r.submitted_at`,
    channel: sql`r.channel`,
    agentId: sql`r.agent_id`,
    teamId: sql`r.team_id`,
    companyId: sql`rct.company_id`,
    contactId: sql`r.contact_id`,
    touchpoint: sql`r.touchpoint`,
    tags: sql`coalesce(rc.tags, '{}'::text[])`,
    conversationId: sql`r.conversation_id`,
    cycle: sql`r.cycle`,
    itemId: sql`r.id`,
  };
  return {
    hasTouchpoint: true,
    sql: sql`select ${select(shape, [
      ['kind', sql`r.kind`],
      ['score', sql`r.score::int`],
      ['comment', sql`r.comment`],
    ])}
      from survey_responses r
      left join contacts rct on rct.workspace_id = r.workspace_id and rct.id = r.contact_id
      left join conversations rc on rc.workspace_id = r.workspace_id and rc.id = r.conversation_id
     where r.workspace_id = ${ctx.workspaceId} and r.kind in (${kinds})
       and ${inPeriod(ctx, sql`r.submitted_at`, period)}`,
  };
}

/** Delivered survey invitations by creation (the response-rate denominator), with whether each was answered. */
export function invitationsSource(ctx: MetricsContext, period: Period): Source {
  const delivered = sql.join(
    DELIVERED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const shape: Shape = {
    at: sql`i.created_at`,
    channel: sql`i.channel`,
    agentId: sql`i.agent_id`,
    teamId: sql`i.team_id`,
    companyId: sql`ict.company_id`,
    contactId: sql`i.contact_id`,
    touchpoint: sql`i.touchpoint`,
    tags: sql`coalesce(ic.tags, '{}'::text[])`,
    conversationId: sql`i.conversation_id`,
    cycle: sql`i.cycle`,
    itemId: sql`i.id`,
  };
  const responded = sql`exists (select 1 from survey_responses ir
    where ir.workspace_id = i.workspace_id and ir.invitation_id = i.id)`;
  return {
    hasTouchpoint: true,
    sql: sql`select ${select(shape, [['responded', responded]])}
      from survey_invitations i
      left join contacts ict on ict.workspace_id = i.workspace_id and ict.id = i.contact_id
      left join conversations ic on ic.workspace_id = i.workspace_id and ic.id = i.conversation_id
     where i.workspace_id = ${ctx.workspaceId} and i.status in (${delivered})
       and ${inPeriod(ctx, sql`i.created_at`, period)}`,
  };
}

export const DURATION_FIGURES = ['first_response', 'resolution', 'reply'] as const;
export type DurationFigureName = (typeof DURATION_FIGURES)[number];

/** First response and resolution times of cycles, and every public human reply's wait, in the chosen clock. */
export function durationSource(ctx: MetricsContext, period: Period, figure: DurationFigureName): Source {
  const business = ctx.businessHours;
  if (figure === 'reply') {
    const seconds = business ? sql`m.wait_business_seconds` : sql`m.wait_seconds`;
    const shape: Shape = {
      ...conversationShape,
      at: sql`m.created_at`,
      agentId: sql`m.author_id`,
      teamId: sql`mc.team_id`,
      cycle: sql`m.cycle`,
      itemId: sql`m.id`,
    };
    return {
      hasTouchpoint: false,
      sql: sql`select ${select(shape, [
        ['seconds', sql`${seconds}::float8`],
        ['figure', sql`'reply'::text`],
      ])}
        from messages m
        join conversations c on c.workspace_id = m.workspace_id and c.id = m.conversation_id
        left join conversation_cycles mc
          on mc.workspace_id = m.workspace_id and mc.conversation_id = m.conversation_id and mc.cycle = m.cycle
       where m.workspace_id = ${ctx.workspaceId} and m.wait_seconds is not null and ${seconds} is not null
         and ${inPeriod(ctx, sql`m.created_at`, period)}`,
    };
  }
  const first = figure === 'first_response';
  const at = first ? sql`cy.first_response_at` : sql`cy.resolved_at`;
  const column = first ? 'first_response' : 'resolution';
  const seconds = sql.raw(`cy.${column}${business ? '_business' : ''}_seconds`);
  const shape: Shape = {
    ...conversationShape,
    at,
    agentId: first ? sql`cy.first_responder_id` : sql`cy.resolver_id`,
    teamId: sql`cy.team_id`,
    cycle: sql`cy.cycle`,
    itemId: sql`c.id`,
  };
  return {
    hasTouchpoint: false,
    sql: sql`select ${select(shape, [
      ['seconds', sql`${seconds}::float8`],
      ['figure', sql`${figure}::text`],
    ])}
      from ${CYCLES}
     where cy.workspace_id = ${ctx.workspaceId} and ${seconds} is not null and ${inPeriod(ctx, at, period)}`,
  };
}

const resolvedShape: Shape = {
  ...conversationShape,
  at: sql`cy.resolved_at`,
  agentId: sql`cy.resolver_id`,
  teamId: sql`cy.team_id`,
  cycle: sql`cy.cycle`,
  itemId: sql`c.id`,
};

/**
 * Cycles resolved in the period (any cycle), with what one-touch, reopen and FCR count:
 * FCR's denominator is first cycles; its numerator those resolved with one public reply,
 * never reopened, and no other conversation of the contact created within the window after.
 */
export function resolvedCyclesSource(ctx: MetricsContext, period: Period): Source {
  const noReturn = sql`not exists (select 1 from conversations o
    where o.workspace_id = c.workspace_id and o.contact_id = c.contact_id and o.id <> c.id
      and o.created_at >= cy.resolved_at
      and o.created_at < cy.resolved_at + make_interval(hours => ${ctx.fcrWindowHours}::int))`;
  return {
    hasTouchpoint: false,
    sql: sql`select ${select(resolvedShape, [
      ['one_touch', sql`(cy.public_replies = 1)`],
      ['reopened', sql`cy.reopened`],
      ['fcr_eligible', sql`(cy.cycle = 1)`],
      ['fcr', sql`(cy.cycle = 1 and cy.public_replies = 1 and not cy.reopened and c.reopen_count = 0 and ${noReturn})`],
    ])}
      from ${CYCLES}
     where cy.workspace_id = ${ctx.workspaceId} and ${inPeriod(ctx, sql`cy.resolved_at`, period)}`,
  };
}

/** Conversations created in the period (agent: the assignee; team: the conversation's). */
export function createdSource(ctx: MetricsContext, period: Period): Source {
  const shape: Shape = {
    ...conversationShape,
    at: sql`c.created_at`,
    agentId: sql`c.assignee_id`,
    teamId: sql`c.team_id`,
    cycle: sql`null`,
    itemId: sql`c.id`,
  };
  return {
    hasTouchpoint: false,
    sql: sql`select ${select(shape, [['figure', sql`'created'::text`]])}
      from conversations c
     where c.workspace_id = ${ctx.workspaceId} and ${inPeriod(ctx, sql`c.created_at`, period)}`,
  };
}

/**
 * Resolutions in the period, for the resolved volume: distinct conversations are counted,
 * so a resolve, reopen and resolve again within the period is one resolved conversation
 * (counting resolve events would make it two), and a past period's figure never changes.
 */
export function resolvedVolumeSource(ctx: MetricsContext, period: Period): Source {
  return {
    hasTouchpoint: false,
    sql: sql`select ${select(resolvedShape, [['figure', sql`'resolved'::text`]])}
      from ${CYCLES}
     where cy.workspace_id = ${ctx.workspaceId} and ${inPeriod(ctx, sql`cy.resolved_at`, period)}`,
  };
}

/** A moment at which the backlog is counted: local midnight starting `day`, labelled `bucket` ('' = the total). */
export interface BacklogEnd {
  bucket: string;
  day: string;
}

/**
 * Conversations unresolved at each end: created before it, and the latest cycle started
 * before it has no resolution yet or one at or after it. `at` is the creation.
 */
export function backlogSource(ctx: MetricsContext, ends: BacklogEnd[]): Source {
  const buckets = sql.param(ends.map((e) => e.bucket));
  const days = sql.param(ends.map((e) => e.day));
  const shape: Shape = {
    ...conversationShape,
    at: sql`c.created_at`,
    agentId: sql`c.assignee_id`,
    teamId: sql`c.team_id`,
    cycle: sql`c.cycle`,
    itemId: sql`c.id`,
  };
  return {
    hasTouchpoint: false,
    sql: sql`select ${select(shape, [['bucket', sql`b.bucket`]])}
      from unnest(${buckets}::text[], ${days}::text[]) as b(bucket, day)
      cross join lateral (select (b.day::date::timestamp at time zone ${ctx.timeZone}) as end_at) e
      join conversations c on c.workspace_id = ${ctx.workspaceId} and c.created_at < e.end_at
      left join lateral (
        select lc.resolved_at from conversation_cycles lc
         where lc.workspace_id = c.workspace_id and lc.conversation_id = c.id and lc.started_at < e.end_at
         order by lc.cycle desc limit 1) last on true
     where last.resolved_at is null or last.resolved_at >= e.end_at`,
  };
}
