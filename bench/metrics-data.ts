/**
 * Synthetic history for the metrics benchmark: agents in teams, companies, contacts,
 * conversations with one care cycle and one reply each, and survey responses of the
 * four kinds, spread over `days` days up to `end` with a weekday × hour shape.
 *
 * Rows are made inside the database by `INSERT … SELECT generate_series` in chunks,
 * so ten million responses never pass through Node. Attributes are functions of the
 * row number (channel = n mod 7 …), so a response's snapshot matches its conversation.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.ts';
import { surveys, surveyVersions } from '../src/server/db/schema/index.ts';
import { newId } from '../src/server/lib/id.ts';
import { findTemplate } from '../src/server/modules/surveys/templates.ts';
import type { SurveyKind } from '../src/shared/contracts/surveys.ts';

export interface MetricsDataSize {
  conversations: number;
  responses: number;
  days: number;
  /** The last moment of the history. */
  end: Date;
}

const AGENTS = 40;
const TEAMS = 5;
const COMPANIES = 1000;
const CHUNK = 200_000;
const KINDS: SurveyKind[] = ['csat', 'nps', 'ces7', 'ces5'];

/**
 * A stable uuid for the n-th row of a kind ('a' agent, 't' team, …) within a workspace:
 * 16 hex digits of the kind and workspace, then n — ordered like Koe's time-ordered ids, so
 * ten million inserts append to their indexes instead of scattering over them.
 */
const stableId = (prefix: string, n: SQL, workspace: SQL = sql`ws.id`) =>
  sql`overlay(md5(${prefix} || ${workspace}::text) placing lpad(to_hex((${n})::bigint), 16, '0') from 17)::uuid`;
type SQL = ReturnType<typeof sql>;
/** An integer inlined into the statement, so PostgreSQL knows its type in arithmetic. */
const n = (value: number) => sql.raw(String(Math.trunc(value)));

async function inChunks(
  db: Db,
  total: number,
  onProgress: (done: number) => void,
  insert: (from: number, to: number) => SQL,
): Promise<void> {
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await db.execute(insert(from, to));
    onProgress(to);
  }
}

export async function generateMetricsData(
  db: Db,
  workspaceId: string,
  size: MetricsDataSize,
  onProgress: (stage: string, done: number, total: number) => void = () => {},
): Promise<void> {
  const ws = sql`(select ${workspaceId}::uuid as id) ws`;
  const end = size.end.toISOString();
  const contacts = Math.max(1, Math.floor(size.conversations / 4));

  await db.execute(sql`
    insert into users (id, email, name, locale)
    select ${stableId('a', sql`g`)}, 'agent' || g || '-' || ws.id || '@bench.koe.test', '担当者 ' || g, 'ja'
      from ${ws}, generate_series(1, ${n(AGENTS)}) g`);
  await db.execute(sql`
    insert into memberships (workspace_id, user_id, role)
    select ws.id, ${stableId('a', sql`g`)}, 'agent' from ${ws}, generate_series(1, ${n(AGENTS)}) g`);
  await db.execute(sql`
    insert into teams (workspace_id, id, name)
    select ws.id, ${stableId('t', sql`g`)}, 'チーム ' || g from ${ws}, generate_series(1, ${n(TEAMS)}) g`);
  await db.execute(sql`
    insert into team_members (workspace_id, team_id, user_id)
    select ws.id, ${stableId('t', sql`(g % ${n(TEAMS)}) + 1`)}, ${stableId('a', sql`g`)}
      from ${ws}, generate_series(1, ${n(AGENTS)}) g`);
  await db.execute(sql`
    insert into companies (workspace_id, id, name, domain)
    select ws.id, ${stableId('o', sql`g`)}, '会社 ' || g, 'company' || g || '.bench.test'
      from ${ws}, generate_series(1, ${n(COMPANIES)}) g`);
  await inChunks(
    db,
    contacts,
    (done) => onProgress('contacts', done, contacts),
    (from, to) => sql`
      insert into contacts (workspace_id, id, name, company_id)
      select ws.id, ${stableId('p', sql`g`)}, '顧客 ' || g, ${stableId('o', sql`(g % ${n(COMPANIES)}) + 1`)}
        from ${ws}, generate_series(${from}::int, ${to}::int) g`,
  );

  // Conversation n: channel n mod 7, team n mod 5, an agent of that team, contact n mod contacts;
  // created on a day spread by the golden ratio, between 08:00 and 19:59 local time.
  const conversationColumns = sql`
    select ws.id as workspace_id, ${stableId('c', sql`g`)} as id, g as n,
           (array['email','chat','in_app','phone','social','review','api'])[(g % 7) + 1] as channel,
           ${stableId('t', sql`(g % ${n(TEAMS)}) + 1`)} as team_id,
           ${stableId('a', sql`((g / ${n(TEAMS)}) % (${n(AGENTS)} / ${n(TEAMS)})) * ${n(TEAMS)} + (g % ${n(TEAMS)}) + 1`)} as agent_id,
           ${stableId('p', sql`(g % ${n(contacts)}) + 1`)} as contact_id,
           ${stableId('o', sql`((g % ${n(contacts)}) + 1) % ${n(COMPANIES)} + 1`)} as company_id,
           date_trunc('day', ${end}::timestamptz at time zone 'Asia/Tokyo')
             - make_interval(days => floor(${n(size.days)} * ((g * 0.6180339887) % 1))::int)
             + make_interval(hours => 8 + (g * 7) % 12, mins => g % 60) as local_created,
           floor(exp(4 + 6 * ((g * 0.4142135623) % 1)))::int as first_response_seconds,
           floor(exp(4 + 6 * ((g * 0.4142135623) % 1)))::int + floor(exp(6 + 6 * ((g * 0.7320508075) % 1)))::int as resolution_seconds,
           g % 13 = 0 as reopened,
           case g % 5 when 0 then array['billing'] when 1 then array['login'] when 2 then array['shipping', 'refund']
             when 3 then array['bug'] else array[]::text[] end as tags
      from ${ws}, generate_series`;
  await inChunks(
    db,
    size.conversations,
    (done) => onProgress('conversations', done, size.conversations),
    (from, to) => sql`
      with c as (${conversationColumns}(${from}::int, ${to}::int) g),
      t as (select c.*, (c.local_created at time zone 'Asia/Tokyo') as created_at from c),
      conv as (
        insert into conversations (workspace_id, id, channel, status, subject, contact_id, company_id, assignee_id,
          team_id, tags, cycle, cycle_started_at, first_response_at, resolved_at, reopen_count, message_count,
          last_message_at, last_activity_at, created_at, updated_at)
        select workspace_id, id, channel,
               -- Resolved more than 4 days ago: auto-closed already, as Koe would have.
               case when created_at + make_interval(secs => resolution_seconds) <= ${end}::timestamptz - interval '4 days' then 'closed'
                    when created_at + make_interval(secs => resolution_seconds) <= ${end}::timestamptz then 'resolved'
                    else 'open' end,
               'お問い合わせ #' || n, contact_id, company_id, agent_id, team_id, tags, 1, created_at,
               created_at + make_interval(secs => first_response_seconds),
               case when created_at + make_interval(secs => resolution_seconds) <= ${end}::timestamptz
                    then created_at + make_interval(secs => resolution_seconds) end,
               case when reopened then 1 else 0 end, 2,
               created_at + make_interval(secs => first_response_seconds),
               created_at + make_interval(secs => resolution_seconds), created_at, created_at
          from t returning 1),
      cyc as (
        insert into conversation_cycles (workspace_id, conversation_id, cycle, started_at, first_response_at,
          first_responder_id, first_response_seconds, first_response_business_seconds, resolved_at, resolver_id,
          resolution_seconds, resolution_business_seconds, public_replies, inbound_messages, assignee_id, team_id, reopened)
        select workspace_id, id, 1, created_at, created_at + make_interval(secs => first_response_seconds), agent_id,
               first_response_seconds, first_response_seconds * 9 / 24,
               created_at + make_interval(secs => resolution_seconds), agent_id, resolution_seconds,
               resolution_seconds * 9 / 24, case when n % 4 = 0 then 3 else 1 end, 1, agent_id, team_id, reopened
          from t where created_at + make_interval(secs => resolution_seconds) <= ${end}::timestamptz
        returning 1)
      insert into messages (workspace_id, id, conversation_id, cycle, kind, author_type, author_id, contact_id, body,
        wait_seconds, wait_business_seconds, created_at)
      select workspace_id, ${stableId('m', sql`n`, sql`workspace_id`)}, id, 1, 'reply', 'user', agent_id, contact_id, 'ご連絡ありがとうございます。',
             first_response_seconds, first_response_seconds * 9 / 24, created_at + make_interval(secs => first_response_seconds)
        from t where created_at + make_interval(secs => first_response_seconds) <= ${end}::timestamptz`,
  );

  const surveyIds: string[] = [];
  for (const kind of KINDS) {
    const template = findTemplate(
      kind === 'nps' ? 'nps_relationship' : kind === 'csat' ? 'csat_support' : 'ces_resolution',
    );
    if (!template) throw new Error(`no template for ${kind}`);
    const id = newId();
    surveyIds.push(id);
    await db.insert(surveys).values({
      workspaceId,
      id,
      name: `Bench ${kind}`,
      kind,
      status: 'active',
      settings: template.settings,
    });
    await db.insert(surveyVersions).values({
      workspaceId,
      surveyId: id,
      version: 1,
      definition: { ...template.definition, kind },
    });
  }

  // Response i answers conversation (i mod conversations) + 1 about an hour after it was resolved;
  // the kind rotates per pass over the conversations; scores lean positive like real surveys.
  await inChunks(
    db,
    size.responses,
    (done) => onProgress('responses', done, size.responses),
    (from, to) => sql`
      with r as (
        select i, ((i - 1) % ${n(size.conversations)}) + 1 as g, ((i - 1) / ${n(size.conversations)}) % 4 as k
          from generate_series(${from}::int, ${to}::int) i)
      insert into survey_responses (workspace_id, id, survey_id, version, kind, score, comment, contact_id,
        conversation_id, cycle, delivery, language, agent_id, team_id, channel, touchpoint, submitted_at, updated_at)
      select ws.id, ${stableId('r', sql`r.i`)},
             (array[${sql.join(
               surveyIds.map((id) => sql`${id}::uuid`),
               sql`, `,
             )}])[r.k + 1],
             1, (array['csat','nps','ces7','ces5'])[r.k + 1],
             case when r.i % 23 = 0 then null
                  when r.k = 0 then (array[1,2,3,4,4,5,5,5,5,4])[(r.i * 7 % 10) + 1]
                  when r.k = 1 then (array[0,3,6,7,8,8,9,9,10,10,10])[(r.i * 7 % 11) + 1]
                  when r.k = 2 then (array[2,4,5,6,6,7,7])[(r.i * 3 % 7) + 1]
                  else (array[1,1,2,2,3])[(r.i * 3 % 5) + 1] end,
             case when r.i % 10 = 0 then (array['対応が早くて助かりました','説明がわかりにくかったです','Quick and friendly help','Took too long to resolve'])[(r.i / 10 % 4) + 1] end,
             ${stableId('p', sql`(r.g % ${n(contacts)}) + 1`)},
             ${stableId('c', sql`r.g`)}, 1, 'email', case when r.i % 5 = 0 then 'en' else 'ja' end,
             ${stableId('a', sql`((r.g / ${n(TEAMS)}) % (${n(AGENTS)} / ${n(TEAMS)})) * ${n(TEAMS)} + (r.g % ${n(TEAMS)}) + 1`)},
             ${stableId('t', sql`(r.g % ${n(TEAMS)}) + 1`)},
             (array['email','chat','in_app','phone','social','review','api'])[(r.g % 7) + 1],
             'support',
             least(${end}::timestamptz,
               ((date_trunc('day', ${end}::timestamptz at time zone 'Asia/Tokyo')
                 - make_interval(days => floor(${n(size.days)} * ((r.g * 0.6180339887) % 1))::int)
                 + make_interval(hours => 8 + (r.g * 7) % 12, mins => r.g % 60)) at time zone 'Asia/Tokyo')
               + make_interval(secs => floor(exp(4 + 6 * ((r.g * 0.4142135623) % 1)))::int
                                     + floor(exp(6 + 6 * ((r.g * 0.7320508075) % 1)))::int + 3600)),
             ${end}::timestamptz
        from r, ${ws}`,
  );
}
