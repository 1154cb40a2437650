import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sendDueReminders } from '../../src/server/modules/surveys/reminders.ts';
import type { SendSurveyResult } from '../../src/shared/contracts/distribution.ts';
import type { EmailSuppression, OutboxEmail, OutboxEmailDetail } from '../../src/shared/contracts/email.ts';
import type { Survey } from '../../src/shared/contracts/surveys.ts';
import { allPages, createContact, expectStatus, serverWorkspace, uniqueEmail } from '../support/factories.ts';
import { anonymousClient, type Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Survey email without SMTP_URL: everything lands in the captured outbox. */

let server: TestServer;
let api: Client;

beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
});
afterAll(() => server?.close());

async function createSurvey(input: Record<string, unknown> = {}): Promise<Survey> {
  return expectStatus(
    await api.post<Survey>('/api/v1/surveys', {
      name: 'NPS',
      template: 'nps_relationship',
      status: 'active',
      ...input,
    }),
    201,
    'create survey',
  );
}

async function send(surveyId: string, body: Record<string, unknown>) {
  return expectStatus(await api.post<SendSurveyResult>(`/api/v1/surveys/${surveyId}/send`, body), 200, 'send');
}

async function emailFor(invitationId: string): Promise<OutboxEmailDetail> {
  const emails = await allPages<OutboxEmail>(api, '/api/v1/outbox', 50);
  const email = emails.find((e) => e.refId === invitationId && e.purpose === 'survey_invitation');
  if (!email) throw new Error(`no email for ${invitationId}`);
  return expectStatus(await api.get<OutboxEmailDetail>(`/api/v1/outbox/${email.id}`), 200, 'outbox email');
}

describe('captured outbox (no SMTP_URL)', () => {
  test('an email invitation is captured with one-click score links, a text part and unsubscribe headers', async () => {
    const survey = await createSurvey({ template: 'csat_support' });
    const email = uniqueEmail('hanako');
    const contact = await createContact(api, { name: '山田 花子', emails: [email], locale: 'ja' });
    const result = await send(survey.id, { contactId: contact.id });
    expect(result).toMatchObject({ sent: 1, skipped: [] });
    const invitation = result.invitations[0];
    expect(invitation).toMatchObject({ status: 'sent', language: 'ja', email, sentAt: expect.any(String) });

    const captured = await emailFor(invitation?.id ?? '');
    expect(captured).toMatchObject({ status: 'captured', to: email, attempts: 0, sentAt: null });
    expect(captured.subject).toBe('Test workspaceからのアンケートのお願い');
    expect(captured.text).toContain('山田 花子 様');
    expect(captured.html).toContain('<html lang="ja"');
    const scores = [...captured.html.matchAll(/<a href="([^"]+)\?score=(\d)" title="([^"]+)"/g)];
    expect(scores.map((m) => m[2])).toEqual(['1', '2', '3', '4', '5']);
    expect(scores[0]?.[3]).toBe('1 を選んで回答する (非常に不満)');
    for (const [, base, score] of scores) {
      expect(base).toMatch(new RegExp(`^${server.url}/s/`));
      expect(captured.text).toContain(`${base}?score=${score}`);
    }
    expect(captured.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(captured.headers['List-Unsubscribe']).toMatch(new RegExp(`^<${server.url}/u/`));
    expect(captured.text).toContain(captured.headers['List-Unsubscribe']?.slice(1, -1));
  });

  test("the survey's own subject and intro are used, with variables, in the contact's language", async () => {
    const survey = await createSurvey({
      settings: {
        email: {
          subject: { ja: '{{contact.name}}様、ご意見をお聞かせください', en: '{{contact.first_name}}, one question' },
          intro: { en: 'We value {{company.name}} as a customer.\n\nThank you!' },
        },
      },
    });
    const contact = await createContact(api, { name: 'Sam Lee', emails: [uniqueEmail('sam')], locale: 'en' });
    const invitation = (await send(survey.id, { contactId: contact.id })).invitations[0];
    const captured = await emailFor(invitation?.id ?? '');
    expect(captured.subject).toBe('Sam, one question');
    expect(captured.html).toContain('<p style="margin:0 0 16px;">Thank you!</p>');
    expect(captured.text).toContain('We value  as a customer.');
    // Language asked for explicitly wins over the contact's.
    const other = await createContact(api, { name: 'Ken', emails: [uniqueEmail('ken')], locale: 'en' });
    const ja = (await send(survey.id, { contactId: other.id, language: 'ja' })).invitations[0];
    expect((await emailFor(ja?.id ?? '')).subject).toBe('Ken様、ご意見をお聞かせください');
  });

  test('link delivery answers with the personal link and writes no email', async () => {
    const survey = await createSurvey();
    const contact = await createContact(api);
    const result = await send(survey.id, { contactId: contact.id, delivery: 'link' });
    expect(result.sent).toBe(0);
    expect(result.invitations[0]).toMatchObject({ delivery: 'link', status: 'sent', email: null });
    expect(result.invitations[0]?.url).toMatch(new RegExp(`^${server.url}/s/`));
    const emails = await allPages<OutboxEmail>(api, '/api/v1/outbox', 50);
    expect(emails.some((e) => e.refId === result.invitations[0]?.id)).toBe(false);
  });

  test('throttling: the same survey again within its recontact period is skipped', async () => {
    const survey = await createSurvey();
    const contact = await createContact(api);
    expect((await send(survey.id, { contactId: contact.id })).sent).toBe(1);
    const again = await send(survey.id, { contactId: contact.id });
    expect(again).toEqual({
      invitations: [],
      sent: 0,
      skipped: [{ contactId: contact.id, reason: 'recontact_period' }],
    });
    const skipped = expectStatus(
      await api.get<{ data: { status: string; error: string }[] }>(
        `/api/v1/surveys/${survey.id}/invitations?status=skipped`,
      ),
      200,
      'invitations',
    );
    expect(skipped.data).toEqual([expect.objectContaining({ status: 'skipped', error: 'recontact_period' })]);
  });

  test('erasing a contact deletes its survey emails from the outbox; its opt-out stays', async () => {
    const email = uniqueEmail('erased');
    const contact = await createContact(api, { name: 'Erased Person', emails: [email] });
    const invitation = (await send((await createSurvey()).id, { contactId: contact.id })).invitations[0];
    await emailFor(invitation?.id ?? '');
    expectStatus(await api.post('/api/v1/email-suppressions', { email }), 201, 'suppress');
    expect((await api.delete(`/api/v1/contacts/${contact.id}`)).status).toBe(204);
    const emails = await allPages<OutboxEmail>(api, `/api/v1/outbox?to=${encodeURIComponent(email)}`, 50);
    expect(emails).toEqual([]);
    const suppressed = await api.get<{ data: EmailSuppression[] }>(
      `/api/v1/email-suppressions?q=${encodeURIComponent(email)}`,
    );
    expect(suppressed.body.data.map((s) => s.email)).toEqual([email]);
  });

  test('a contact without an email address is skipped for email delivery', async () => {
    const survey = await createSurvey();
    const contact = await createContact(api, { emails: [], phones: ['+81 3-1234-5678'] });
    expect(await send(survey.id, { contactId: contact.id })).toEqual({
      invitations: [],
      sent: 0,
      skipped: [{ contactId: contact.id, reason: 'no_email' }],
    });
  });
});

describe('unsubscribe', () => {
  test('the link asks first, then suppresses the address; later survey email is skipped', async () => {
    const email = uniqueEmail('leaver');
    const contact = await createContact(api, { emails: [email], locale: 'en' });
    const invitation = (await send((await createSurvey()).id, { contactId: contact.id })).invitations[0];
    const url = (await emailFor(invitation?.id ?? '')).headers['List-Unsubscribe']?.slice(1, -1) ?? '';
    const path = new URL(url).pathname;
    const visitor = anonymousClient(server.url);

    const page = await visitor.get(path, { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<form method="post"');
    expect(page.text).toContain('配信を停止する / Unsubscribe');
    expect(page.text).not.toContain(email); // masked
    const listed = async () =>
      (await allPages<EmailSuppression & { id: string }>(api, '/api/v1/email-suppressions', 50)).filter(
        (s) => s.email === email,
      );
    expect(await listed()).toEqual([]); // opening the link changes nothing

    const done = await visitor.request('POST', path, {
      raw: { data: '', contentType: 'application/x-www-form-urlencoded' },
    });
    expect(done.status).toBe(200);
    expect(done.text).toContain('You are unsubscribed');
    expect(await listed()).toEqual([{ email, reason: 'unsubscribed', createdAt: expect.any(String) }]);

    // Another survey (no recontact period in the way) is skipped for this address.
    const later = await send((await createSurvey({ template: 'csat_support' })).id, { contactId: contact.id });
    expect(later.skipped).toEqual([{ contactId: contact.id, reason: 'unsubscribed' }]);
  });

  test('one-click unsubscribe from a mail client (RFC 8058) works; a forged link does nothing', async () => {
    const email = uniqueEmail('oneclick');
    const contact = await createContact(api, { emails: [email] });
    const invitation = (await send((await createSurvey()).id, { contactId: contact.id })).invitations[0];
    const url = (await emailFor(invitation?.id ?? '')).headers['List-Unsubscribe']?.slice(1, -1) ?? '';
    const visitor = anonymousClient(server.url);
    const path = new URL(url).pathname;
    const oneClick = await visitor.request('POST', path, {
      raw: { data: 'List-Unsubscribe=One-Click', contentType: 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);
    const forged = await visitor.request('POST', `${path.slice(0, -3)}xyz`, { raw: { data: '' } });
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('This link is not valid');
    expect((await visitor.get('/u/not-a-token')).status).toBe(400);
    const suppressed = expectStatus(
      await api.get<{ data: EmailSuppression[] }>(`/api/v1/email-suppressions?q=${encodeURIComponent(email)}`),
      200,
      'suppressions',
    );
    expect(suppressed.data.map((s) => s.email)).toEqual([email]);
  });

  test('admins add, list and remove suppressed addresses', async () => {
    const email = uniqueEmail('manual');
    const created = await api.post<EmailSuppression>('/api/v1/email-suppressions', { email: email.toUpperCase() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, reason: 'manual' });
    const contact = await createContact(api, { emails: [email] });
    const skipped = await send((await createSurvey()).id, { contactId: contact.id });
    expect(skipped.skipped).toEqual([{ contactId: contact.id, reason: 'unsubscribed' }]);
    expect((await api.delete(`/api/v1/email-suppressions/${encodeURIComponent(email)}`)).status).toBe(204);
    expectProblem(await api.delete(`/api/v1/email-suppressions/${encodeURIComponent(email)}`), 404);
    expectProblem(await api.post('/api/v1/email-suppressions', { email: 'not an address' }), 400, 'body.email');
  });
});

/** Answers as the person would: the score link of their email, then confirming on the page. */
async function answerByEmail(invitationId: string, score: number) {
  const link = (await emailFor(invitationId)).html.match(new RegExp(`href="([^"]+)\\?score=${score}"`))?.[1];
  const token = new URL(link ?? 'http://x/').pathname.split('/').pop();
  expectStatus(await anonymousClient(server.url).post('/api/v1/public/responses', { token, score }), 200, 'answer');
}

describe('reminder', () => {
  test('one reminder after N days to people who have not answered; never a second', async () => {
    const survey = await createSurvey({ settings: { email: { reminderAfterDays: 3 } } });
    const [waiting, answering] = [await createContact(api), await createContact(api)];
    const sent = await send(survey.id, { contactId: waiting.id });
    const invitationId = sent.invitations[0]?.id ?? '';
    const answered = (await send(survey.id, { contactId: answering.id })).invitations[0];
    await answerByEmail(answered?.id ?? '', 9);

    const reminders = async () =>
      (await allPages<OutboxEmail>(api, '/api/v1/outbox?purpose=survey_reminder', 50)).filter((e) =>
        [invitationId, answered?.id].includes(e.refId ?? ''),
      );
    const day = 86_400_000;
    await sendDueReminders(server.app, new Date(Date.now() + 2 * day));
    expect(await reminders()).toEqual([]);
    await sendDueReminders(server.app, new Date(Date.now() + 3 * day + 60_000));
    const first = await reminders();
    expect(first).toEqual([expect.objectContaining({ refId: invitationId, status: 'captured' })]);
    expect(first[0]?.subject).toMatch(/^Reminder: |^【再送】/);
    await sendDueReminders(server.app, new Date(Date.now() + 5 * day));
    expect(await reminders()).toHaveLength(1);
  });

  test('the due time is set when the email is sent; every due invitation leaves the due list once, reminded or not', async () => {
    const survey = await createSurvey({ settings: { email: { reminderAfterDays: 2 } } });
    const [waiting, answering] = [await createContact(api), await createContact(api)];
    const first = (await send(survey.id, { contactId: waiting.id })).invitations[0];
    const answered = (await send(survey.id, { contactId: answering.id })).invitations[0];
    await answerByEmail(answered?.id ?? '', 3);
    const state = async (id: string | undefined) => {
      const result = await server.app.db.execute<{ due: string | null; reminded: string | null }>(
        sql`select reminder_due_at::text as due, reminder_sent_at::text as reminded from survey_invitations where id = ${id ?? ''}::uuid`,
      );
      const row = result.rows[0];
      return { due: row?.due ? new Date(row.due).getTime() : null, reminded: row?.reminded ?? null };
    };
    const day = 86_400_000;
    // Answering changes nothing the reminder job reads: it finds out on the day.
    expect(await state(first?.id)).toEqual({ due: Date.parse(first?.sentAt ?? '') + 2 * day, reminded: null });
    expect(await state(answered?.id)).toEqual({ due: Date.parse(answered?.sentAt ?? '') + 2 * day, reminded: null });

    await sendDueReminders(server.app, new Date(Date.now() + 2 * day + 60_000));
    expect(await state(first?.id)).toEqual({ due: null, reminded: expect.any(String) });
    expect(await state(answered?.id)).toEqual({ due: null, reminded: null });
    const reminders = await allPages<OutboxEmail>(api, '/api/v1/outbox?purpose=survey_reminder', 50);
    expect(reminders.filter((e) => [first?.id, answered?.id].includes(e.refId ?? '')).map((e) => e.refId)).toEqual([
      first?.id,
    ]);
  });

  test('turning reminders off after sending cancels the ones still to come', async () => {
    const survey = await createSurvey({ settings: { email: { reminderAfterDays: 1 } } });
    const invitation = (await send(survey.id, { contactId: (await createContact(api)).id })).invitations[0];
    expectStatus(
      await api.patch(`/api/v1/surveys/${survey.id}`, { settings: { email: { reminderAfterDays: null } } }),
      200,
      'turn reminders off',
    );
    await sendDueReminders(server.app, new Date(Date.now() + 2 * 86_400_000));
    const reminders = await allPages<OutboxEmail>(api, '/api/v1/outbox?purpose=survey_reminder', 50);
    expect(reminders.filter((e) => e.refId === invitation?.id)).toEqual([]);
    const [row] = (
      await server.app.db.execute<{ due: string | null }>(
        sql`select reminder_due_at::text as due from survey_invitations where id = ${invitation?.id ?? ''}::uuid`,
      )
    ).rows;
    expect(row).toEqual({ due: null });
  });

  test('no reminder to an address that unsubscribed, nor without reminderAfterDays', async () => {
    const withReminder = await createSurvey({ settings: { email: { reminderAfterDays: 1 } } });
    const without = await createSurvey({ template: 'csat_support' });
    const email = uniqueEmail('gone');
    const gone = await createContact(api, { emails: [email] });
    const plain = await createContact(api);
    const a = (await send(withReminder.id, { contactId: gone.id })).invitations[0]?.id;
    const b = (await send(without.id, { contactId: plain.id })).invitations[0]?.id;
    expectStatus(await api.post('/api/v1/email-suppressions', { email }), 201, 'suppress');
    await sendDueReminders(server.app, new Date(Date.now() + 10 * 86_400_000));
    const reminders = await allPages<OutboxEmail>(api, '/api/v1/outbox?purpose=survey_reminder', 50);
    expect(reminders.filter((e) => [a, b].includes(e.refId ?? ''))).toEqual([]);
  });
});
