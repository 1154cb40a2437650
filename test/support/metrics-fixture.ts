import type { Pool } from 'pg';
import { newId } from '../../src/server/lib/id.ts';

/**
 * A small, hand-countable support history for the metrics tests (service, API, CLI), in a
 * workspace in Asia/Tokyo. Written with plain inserts so every timestamp and duration is
 * exactly what the tests' arithmetic assumes. Times are Tokyo local (+09:00).
 *
 * Period under test: 2025-03-03 (Mon) … 2025-03-16 (Sun); previous: 2025-02-17 … 2025-03-02.
 *
 * conv1 email P(Acme) A  [billing]      created 03-03 09:00; c1: FR 60 s (A), resolved 10:00 (3600 s, A), 1 reply
 * conv2 email Q       A  [billing,vip]  created 03-04 10:00; c1: FR 120 s (A), resolved 12:00 (7200 s, A), 1 reply, reopened
 *                                       c2 started 03-05 09:00: FR 300 s (B), resolved 10:00 (3600 s, B), 2 replies, reopened
 *                                       c3 started 03-20 10:00 (after the period), open; reopen_count 2
 * conv3 chat  R       B  [vip]          created 03-05 14:00; c1: FR 600 s (B), resolved 16:00 (7200 s, B), 1 reply
 * conv4 chat  R       B  []             created 03-06 10:00 (18 h after conv3's resolution), open, no reply
 * conv5 email S(Acme) A  [billing]      created 03-10 11:00, open
 * conv6 chat  T       –  []             created 03-12 15:00, open
 * conv7 email U       B  []             created 02-20 10:00; c1: FR 600 s (B), resolved 11:00 (3600 s, B), 1 reply
 * conv8 chat  V       A  []             created 02-25 09:00; c1: FR 1800 s (A) 02-25 09:30, resolved 03-07 09:00
 *                                       (864000 s, A), 3 replies (waits 1800 on 02-25, 3600 on 03-06, 7200 on 03-07)
 *
 * Business seconds: FR conv1 30, conv2c2 100, conv3 200 (conv2c1 none); resolution conv1 1800; reply conv1 30.
 * Responses (03-03 … 03-08): CSAT 5 4 1 (email, A, conv1/conv2) and 4 3 skipped (chat, B, conv3), touchpoint
 * support_resolution; NPS 10 9 9 8 7 6 0 skipped (no channel, touchpoint relationship); CES 2.0 7 6 5 4 2 and
 * CES effort 1 2 2 5 (email). Previous period: ten CSAT 1s (email, A) on 02-20.
 * Invitations (CSAT): six answered + two sent unanswered (delivered) + one scheduled (not delivered).
 */

export interface MetricsFixture {
  agentA: string;
  agentB: string;
  team: string;
  company: string;
  conversations: Record<'conv1' | 'conv2' | 'conv3' | 'conv4' | 'conv5' | 'conv6' | 'conv7' | 'conv8', string>;
}

const tokyo = (local: string) => `${local.replace(' ', 'T')}:00+09:00`;

async function insert(pool: Pool, table: string, row: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(row);
  const values = keys.map((key) => {
    const value = row[key];
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
  });
  await pool.query(
    `insert into ${table} (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`,
    values,
  );
}

export async function buildMetricsFixture(pool: Pool, workspaceId: string): Promise<MetricsFixture> {
  const w = workspaceId;
  const agentA = newId();
  const agentB = newId();
  for (const [id, name] of [
    [agentA, 'Aiko Agent'],
    [agentB, 'Ben Agent'],
  ] as const) {
    await insert(pool, 'users', { id, email: `${id}@agents.test`, name });
    await insert(pool, 'memberships', { workspace_id: w, user_id: id, role: 'agent' });
  }
  const team = newId();
  await insert(pool, 'teams', { workspace_id: w, id: team, name: 'Support Tokyo' });
  const company = newId();
  await insert(pool, 'companies', { workspace_id: w, id: company, name: 'Acme' });
  const contact: Record<string, string> = {};
  for (const name of ['P', 'Q', 'R', 'S', 'T', 'U', 'V']) {
    contact[name] = newId();
    await insert(pool, 'contacts', {
      workspace_id: w,
      id: contact[name],
      name: `Customer ${name}`,
      company_id: name === 'P' || name === 'S' ? company : null,
    });
  }

  const conversations = {} as MetricsFixture['conversations'];
  const conversation = async (
    key: keyof MetricsFixture['conversations'],
    channel: string,
    who: string,
    assignee: string | null,
    tags: string[],
    created: string,
    extra: { cycle?: number; reopenCount?: number; status?: string } = {},
  ) => {
    const id = newId();
    conversations[key] = id;
    await insert(pool, 'conversations', {
      workspace_id: w,
      id,
      channel,
      status: extra.status ?? 'open',
      subject: `Subject of ${key}`,
      contact_id: contact[who],
      company_id: who === 'P' || who === 'S' ? company : null,
      assignee_id: assignee,
      team_id: team,
      tags,
      cycle: extra.cycle ?? 1,
      cycle_started_at: tokyo(created),
      reopen_count: extra.reopenCount ?? 0,
      last_activity_at: tokyo(created),
      created_at: tokyo(created),
      updated_at: tokyo(created),
    });
    return id;
  };
  const cycle = (conversationId: string, n: number, row: Record<string, unknown>) =>
    insert(pool, 'conversation_cycles', {
      workspace_id: w,
      conversation_id: conversationId,
      cycle: n,
      team_id: team,
      ...row,
    });
  const reply = (conversationId: string, who: string, n: number, at: string, author: string, wait: number) =>
    insert(pool, 'messages', {
      workspace_id: w,
      id: newId(),
      conversation_id: conversationId,
      cycle: n,
      kind: 'reply',
      author_type: 'user',
      author_id: author,
      contact_id: contact[who],
      body: 'reply',
      wait_seconds: wait,
      wait_business_seconds: conversationId === conversations.conv1 ? 30 : null,
      created_at: tokyo(at),
    });

  const c1 = await conversation('conv1', 'email', 'P', agentA, ['billing'], '2025-03-03 09:00', { status: 'resolved' });
  await cycle(c1, 1, {
    started_at: tokyo('2025-03-03 09:00'),
    first_response_at: tokyo('2025-03-03 09:01'),
    first_responder_id: agentA,
    first_response_seconds: 60,
    first_response_business_seconds: 30,
    resolved_at: tokyo('2025-03-03 10:00'),
    resolver_id: agentA,
    resolution_seconds: 3600,
    resolution_business_seconds: 1800,
    public_replies: 1,
  });
  await reply(c1, 'P', 1, '2025-03-03 09:01', agentA, 60);
  // A customer message and a note: no wait, never a reply time.
  await insert(pool, 'messages', {
    workspace_id: w,
    id: newId(),
    conversation_id: c1,
    cycle: 1,
    kind: 'note',
    author_type: 'user',
    author_id: agentA,
    contact_id: contact.P,
    body: 'note',
    created_at: tokyo('2025-03-03 09:30'),
  });

  const c2 = await conversation('conv2', 'email', 'Q', agentA, ['billing', 'vip'], '2025-03-04 10:00', {
    cycle: 3,
    reopenCount: 2,
  });
  await cycle(c2, 1, {
    started_at: tokyo('2025-03-04 10:00'),
    first_response_at: tokyo('2025-03-04 10:02'),
    first_responder_id: agentA,
    first_response_seconds: 120,
    resolved_at: tokyo('2025-03-04 12:00'),
    resolver_id: agentA,
    resolution_seconds: 7200,
    public_replies: 1,
    reopened: true,
  });
  await reply(c2, 'Q', 1, '2025-03-04 10:02', agentA, 120);
  await cycle(c2, 2, {
    started_at: tokyo('2025-03-05 09:00'),
    first_response_at: tokyo('2025-03-05 09:05'),
    first_responder_id: agentB,
    first_response_seconds: 300,
    first_response_business_seconds: 100,
    resolved_at: tokyo('2025-03-05 10:00'),
    resolver_id: agentB,
    resolution_seconds: 3600,
    public_replies: 2,
    reopened: true,
  });
  await reply(c2, 'Q', 2, '2025-03-05 09:05', agentB, 300);
  await reply(c2, 'Q', 2, '2025-03-05 09:30', agentB, 900);
  await cycle(c2, 3, { started_at: tokyo('2025-03-20 10:00') });

  const c3 = await conversation('conv3', 'chat', 'R', agentB, ['vip'], '2025-03-05 14:00', { status: 'resolved' });
  await cycle(c3, 1, {
    started_at: tokyo('2025-03-05 14:00'),
    first_response_at: tokyo('2025-03-05 14:10'),
    first_responder_id: agentB,
    first_response_seconds: 600,
    first_response_business_seconds: 200,
    resolved_at: tokyo('2025-03-05 16:00'),
    resolver_id: agentB,
    resolution_seconds: 7200,
    public_replies: 1,
  });
  await reply(c3, 'R', 1, '2025-03-05 14:10', agentB, 600);

  const c4 = await conversation('conv4', 'chat', 'R', agentB, [], '2025-03-06 10:00');
  await cycle(c4, 1, { started_at: tokyo('2025-03-06 10:00') });
  const c5 = await conversation('conv5', 'email', 'S', agentA, ['billing'], '2025-03-10 11:00');
  await cycle(c5, 1, { started_at: tokyo('2025-03-10 11:00') });
  const c6 = await conversation('conv6', 'chat', 'T', null, [], '2025-03-12 15:00');
  await cycle(c6, 1, { started_at: tokyo('2025-03-12 15:00') });

  const c7 = await conversation('conv7', 'email', 'U', agentB, [], '2025-02-20 10:00', { status: 'resolved' });
  await cycle(c7, 1, {
    started_at: tokyo('2025-02-20 10:00'),
    first_response_at: tokyo('2025-02-20 10:10'),
    first_responder_id: agentB,
    first_response_seconds: 600,
    resolved_at: tokyo('2025-02-20 11:00'),
    resolver_id: agentB,
    resolution_seconds: 3600,
    public_replies: 1,
  });
  await reply(c7, 'U', 1, '2025-02-20 10:10', agentB, 600);

  const c8 = await conversation('conv8', 'chat', 'V', agentA, [], '2025-02-25 09:00', { status: 'resolved' });
  await cycle(c8, 1, {
    started_at: tokyo('2025-02-25 09:00'),
    first_response_at: tokyo('2025-02-25 09:30'),
    first_responder_id: agentA,
    first_response_seconds: 1800,
    resolved_at: tokyo('2025-03-07 09:00'),
    resolver_id: agentA,
    resolution_seconds: 864000,
    public_replies: 3,
  });
  await reply(c8, 'V', 1, '2025-02-25 09:30', agentA, 1800);
  await reply(c8, 'V', 1, '2025-03-06 10:00', agentA, 3600);
  await reply(c8, 'V', 1, '2025-03-07 08:00', agentA, 7200);

  // Surveys and answers.
  const survey = async (kind: string) => {
    const id = newId();
    await insert(pool, 'surveys', {
      workspace_id: w,
      id,
      name: `${kind} survey`,
      kind,
      status: 'active',
      settings: {},
    });
    return id;
  };
  const csat = await survey('csat');
  const nps = await survey('nps');
  const ces7 = await survey('ces7');
  const ces5 = await survey('ces5');
  const invitation = async (status: string, created: string, snapshot: Record<string, unknown>) => {
    const id = newId();
    await insert(pool, 'survey_invitations', {
      workspace_id: w,
      id,
      survey_id: csat,
      version: 1,
      delivery: 'link',
      language: 'ja',
      status,
      scheduled_at: tokyo(created),
      expires_at: tokyo('2025-12-31 00:00'),
      created_at: tokyo(created),
      touchpoint: 'support_resolution',
      ...snapshot,
    });
    return id;
  };
  const respond = async (
    surveyId: string,
    kind: string,
    score: number | null,
    at: string,
    snapshot: Record<string, unknown>,
  ) =>
    insert(pool, 'survey_responses', {
      workspace_id: w,
      id: newId(),
      survey_id: surveyId,
      version: 1,
      kind,
      score,
      delivery: 'link',
      language: 'ja',
      submitted_at: tokyo(at),
      updated_at: tokyo(at),
      ...snapshot,
    });

  const emailA = (conv: string, who: string) => ({
    channel: 'email',
    agent_id: agentA,
    team_id: team,
    conversation_id: conv,
    contact_id: contact[who],
  });
  const chatB = { channel: 'chat', agent_id: agentB, team_id: team, conversation_id: c3, contact_id: contact.R };
  const csatAnswers: [number | null, Record<string, unknown>][] = [
    [5, emailA(c1, 'P')],
    [4, emailA(c2, 'Q')],
    [1, emailA(c2, 'Q')],
    [4, chatB],
    [3, chatB],
    [null, { ...chatB, comment: 'no score, only words' }],
  ];
  for (const [i, [score, snapshot]] of csatAnswers.entries()) {
    const { comment: _comment, ...inviteSnapshot } = snapshot;
    const invitationId = await invitation('answered', '2025-03-06 12:00', inviteSnapshot);
    await respond(csat, 'csat', score, `2025-03-06 12:0${i}`, {
      ...snapshot,
      invitation_id: invitationId,
      touchpoint: 'support_resolution',
    });
  }
  await invitation('sent', '2025-03-06 12:00', emailA(c1, 'P'));
  await invitation('sent', '2025-03-06 12:00', emailA(c1, 'P'));
  await invitation('scheduled', '2025-03-06 12:00', emailA(c1, 'P'));
  for (const [i, score] of [10, 9, 9, 8, 7, 6, 0, null].entries()) {
    await respond(nps, 'nps', score, `2025-03-08 10:0${i}`, { touchpoint: 'relationship', contact_id: contact.U });
  }
  for (const score of [7, 6, 5, 4, 2]) await respond(ces7, 'ces7', score, '2025-03-04 15:00', emailA(c2, 'Q'));
  for (const score of [1, 2, 2, 5]) await respond(ces5, 'ces5', score, '2025-03-04 16:00', emailA(c2, 'Q'));
  for (let i = 0; i < 10; i++) await respond(csat, 'csat', 1, '2025-02-20 12:00', emailA(c7, 'U'));

  return { agentA, agentB, team, company, conversations };
}

export const FIXTURE_PERIOD = { from: '2025-03-03', to: '2025-03-16' } as const;
