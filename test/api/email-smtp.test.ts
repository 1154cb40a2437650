import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sweepQueuedEmails } from '../../src/server/modules/email/delivery.ts';
import { recordEmail } from '../../src/server/modules/email/outbox.ts';
import { createWorkspace } from '../../src/server/modules/workspaces/service.ts';
import type { SendSurveyResult } from '../../src/shared/contracts/distribution.ts';
import type { OutboxEmail } from '../../src/shared/contracts/email.ts';
import type { Invitation, PublicSurvey, Survey } from '../../src/shared/contracts/surveys.ts';
import {
  addMember,
  createContact,
  createConversation,
  createTeam,
  expectStatus,
  serverWorkspace,
  uniqueEmail,
} from '../support/factories.ts';
import { anonymousClient, apiClient, type Client } from '../support/http.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/server.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

/**
 * Real SMTP: Koe (with the job worker) sends to an smtp-server on loopback, the test
 * reads the mail, follows a one-click score link and confirms like the answer page does.
 */

let smtp: TestSmtpServer;
let server: TestServer;
let api: Client;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // Its own database on PostgreSQL: no other test file's worker (without SMTP) takes its jobs.
  server = await startTestServer({ worker: true, isolatedDatabase: true, config: { smtpUrl: smtp.url } });
  api = serverWorkspace(server).api;
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function createSurvey(client: Client, template = 'nps_relationship'): Promise<Survey> {
  return expectStatus(
    await client.post<Survey>('/api/v1/surveys', { name: `Survey ${template}`, template, status: 'active' }),
    201,
    'create survey',
  );
}

async function send(client: Client, surveyId: string, body: Record<string, unknown>) {
  return expectStatus(
    await client.post<SendSurveyResult>(`/api/v1/surveys/${surveyId}/send`, body),
    200,
    'send survey',
  );
}

async function waitForOutbox(client: Client, refId: string, done: (e: OutboxEmail) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = expectStatus(await client.get<{ data: OutboxEmail[] }>('/api/v1/outbox?limit=200'), 200, 'outbox');
    const email = page.data.find((e) => e.refId === refId);
    if (email && done(email)) return email;
    if (Date.now() > deadline) throw new Error(`email for ${refId}: ${JSON.stringify(email)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function invitation(client: Client, surveyId: string, id: string): Promise<Invitation | undefined> {
  const page = expectStatus(
    await client.get<{ data: Invitation[] }>(`/api/v1/surveys/${surveyId}/invitations?limit=200`),
    200,
    'invitations',
  );
  return page.data.find((i) => i.id === id);
}

describe('survey email over real SMTP', () => {
  test('the mail arrives, its score link records nothing, and confirming stores the response with the snapshot', async () => {
    const survey = await createSurvey(api);
    const email = uniqueEmail('customer');
    const contact = await createContact(api, { name: 'Mia <b>Rossi</b>', emails: [email], locale: 'en-GB' });
    const agent = await addMember(server, api, 'agent');
    const team = await createTeam(api, { memberIds: [agent.id] });
    const conversation = await createConversation(api, {
      customer: { contactId: contact.id },
      assigneeId: agent.id,
      teamId: team.id,
      message: { body: 'My invoice is wrong' },
    });
    const result = await send(api, survey.id, {
      contactId: contact.id,
      conversationId: conversation.id,
      touchpoint: 'billing',
    });
    expect(result).toMatchObject({ sent: 1, skipped: [] });
    const [offered] = result.invitations;
    if (!offered) throw new Error('no invitation');
    expect(offered).toMatchObject({ delivery: 'email', email, language: 'en', agentId: agent.id, teamId: team.id });
    expect(offered.url).toBeUndefined();

    const mail = await smtp.waitFor(email);
    const { parsed } = mail;
    expect(parsed.subject).toBe('A quick question from Test workspace');
    expect(parsed.from?.value[0]).toMatchObject({ address: 'koe@example.test', name: 'Test workspace' });
    const header = (name: string) => parsed.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toMatch(new RegExp(`^List-Unsubscribe: <${server.url}/u/[\\w-]+\\.[\\w-]+>$`));
    expect(parsed.text).toContain('Hello Mia <b>Rossi</b>,');
    // The customer's name is text in the HTML part, never markup.
    expect(parsed.html).toContain('Mia &lt;b&gt;Rossi&lt;/b&gt;');
    const links = [...String(parsed.html).matchAll(/href="([^"]+\?score=(\d+))"/g)];
    expect(links.map((m) => Number(m[2]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const nine = links.find((m) => m[2] === '9')?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(parsed.text).toContain(nine);

    // The mail was accepted: the outbox says sent, the invitation too.
    const outbox = await waitForOutbox(api, offered.id, (e) => e.status === 'sent');
    expect(outbox).toMatchObject({ attempts: 1, lastError: null, purpose: 'survey_invitation', to: email });
    expect((await invitation(api, survey.id, offered.id))?.status).toBe('sent');

    // A mail scanner opens the link: nothing is recorded.
    const link = new URL(nine);
    expect(link.origin).toBe(server.url);
    await fetch(link);
    const token = link.pathname.split('/').pop() ?? '';
    const opened = expectStatus(
      await anonymousClient(server.url).get<PublicSurvey>(`/api/v1/public/surveys/${token}`),
      200,
      'open survey',
    );
    expect(opened.response).toBeNull();
    expect(opened.language).toBe('en');

    // The person confirms 9 with a comment, as the page does.
    const answered = await anonymousClient(server.url).post<{ id: string; score: number }>('/api/v1/public/responses', {
      token,
      score: 9,
      comment: 'Quick and kind',
    });
    expect(answered.status, answered.text).toBe(200);
    const { rows } = await server.app.database.pool.query(
      `select score, comment, invitation_id, contact_id, conversation_id, agent_id, team_id, channel, touchpoint, delivery
         from survey_responses where workspace_id = $1 and invitation_id = $2`,
      [server.workspaceId, offered.id],
    );
    expect(rows).toEqual([
      {
        score: 9,
        comment: 'Quick and kind',
        invitation_id: offered.id,
        contact_id: contact.id,
        conversation_id: conversation.id,
        agent_id: agent.id,
        team_id: team.id,
        channel: 'email',
        touchpoint: 'billing',
        delivery: 'email',
      },
    ]);
    expect((await invitation(api, survey.id, offered.id))?.status).toBe('answered');
  });

  test('a temporary SMTP failure is retried with backoff, then recorded as failed', async () => {
    const survey = await createSurvey(api, 'csat_support');
    const email = uniqueEmail('tempfail');
    const contact = await createContact(api, { emails: [email] });
    const result = await send(api, survey.id, { contactId: contact.id });
    const offered = result.invitations[0];
    if (!offered) throw new Error('no invitation');
    const failed = await waitForOutbox(api, offered.id, (e) => e.status === 'failed', 60_000);
    // config.emailRetry.limit is 2 in tests: the first attempt and two retries.
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/^451 /);
    expect(smtp.attempts.get(email)).toBe(3);
    expect(await invitation(api, survey.id, offered.id)).toMatchObject({ status: 'failed', error: expect.any(String) });
  }, 90_000);

  test('a permanent SMTP refusal (5xx) fails at once, without retries', async () => {
    const survey = await createSurvey(api, 'ces_resolution');
    const email = uniqueEmail('reject');
    const contact = await createContact(api, { emails: [email] });
    const offered = (await send(api, survey.id, { contactId: contact.id })).invitations[0];
    if (!offered) throw new Error('no invitation');
    const failed = await waitForOutbox(api, offered.id, (e) => e.status === 'failed');
    expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/^550 /) });
    expect(smtp.attempts.get(email)).toBe(1);
  });

  test('a demo workspace never sends through SMTP: its mail is captured', async () => {
    const demo = await createWorkspace(server.app.db, {
      name: 'Demo',
      ownerEmail: uniqueEmail('demo-owner'),
      ownerName: 'Demo owner',
      ownerPassword: TEST_PASSWORD,
      withApiKey: true,
      isDemo: true,
    });
    const demoApi = apiClient(server.url, demo.apiKey ?? '');
    const survey = await createSurvey(demoApi);
    const email = uniqueEmail('demo-customer');
    const contact = await createContact(demoApi, { emails: [email] });
    const offered = (await send(demoApi, survey.id, { contactId: contact.id })).invitations[0];
    expect(offered?.status).toBe('sent');
    const captured = await waitForOutbox(demoApi, offered?.id ?? '', (e) => e.status === 'captured');
    expect(captured.attempts).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.attempts.get(email)).toBeUndefined();
  });
  test('an email whose delivery job was never enqueued (a stop right after commit) is sent by the sweep', async () => {
    const record = (to: string) =>
      server.app.db.transaction((tx) =>
        recordEmail(tx, server.app, server.workspaceId, {
          to,
          subject: 'Swept',
          text: 'Hello',
          html: '<p>Hello</p>',
          purpose: 'test',
        }),
      );
    const email = uniqueEmail('swept');
    const row = await record(email);
    expect(row.status).toBe('queued');
    const later = new Date(Date.now() + 3 * 60_000);
    expect(await sweepQueuedEmails(server.app, later)).toBe(1);
    // The job id is the email id: sweeping again queues nothing twice.
    expect(await sweepQueuedEmails(server.app, later)).toBe(0);
    expect((await smtp.waitFor(email)).parsed.subject).toBe('Swept');
    const deadline = Date.now() + 10_000;
    const status = async (id: string) =>
      (
        await server.app.database.pool.query<{ status: string; last_error: string | null }>(
          'select status, last_error from email_messages where workspace_id = $1 and id = $2',
          [server.workspaceId, id],
        )
      ).rows[0];
    while ((await status(row.id))?.status !== 'sent' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await status(row.id))?.status).toBe('sent');

    // Still queued a day later (no worker ever took it): recorded as failed, not left hanging.
    const stuck = await record(uniqueEmail('stuck'));
    await sweepQueuedEmails(server.app, new Date(Date.now() + 25 * 3_600_000));
    expect(await status(stuck.id)).toEqual({ status: 'failed', last_error: 'not delivered within a day' });
  });
});
