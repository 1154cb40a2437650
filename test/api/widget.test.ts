import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contactIdentities, surveyInvitations, surveyResponses } from '../../src/server/db/schema/index.ts';
import { createInvitation } from '../../src/server/modules/surveys/invitations.ts';
import { getSurveyRecord } from '../../src/server/modules/surveys/service.ts';
import type { Survey } from '../../src/shared/contracts/surveys.ts';
import type { WidgetCheckResult, WidgetInstallation } from '../../src/shared/contracts/widget.ts';
import { buildWidget } from '../../src/widget/build.ts';
import { createContact, expectStatus, serverWorkspace, unique } from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let api: Client;
let survey: Survey;
let secret: string;

const check = (body: Record<string, unknown>) =>
  api.post<WidgetCheckResult>('/api/v1/public/widget/check', { workspaceId: server.workspaceId, ...body });
const hash = (userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

async function responsesOf(invitationId: string) {
  return server.app.db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.workspaceId, server.workspaceId), eq(surveyResponses.invitationId, invitationId)));
}

beforeAll(async () => {
  const built = await buildWidget();
  if (!built.built) throw new Error(built.reason);
  server = await startTestServer();
  api = serverWorkspace(server).api;
  survey = expectStatus(
    await api.post<Survey>('/api/v1/surveys', {
      name: 'Checkout CSAT',
      template: 'csat_support',
      status: 'active',
      settings: {
        widget: { enabled: true, triggers: [{ type: 'event', name: 'checkout_completed' }] },
        recontactDays: 30,
      },
    }),
    201,
    'create survey',
  );
  secret = expectStatus(await api.get<WidgetInstallation>('/api/v1/settings/widget'), 200, 'widget settings').secret;
});

afterAll(() => server?.close());

describe('widget installation settings', () => {
  test('the secret is made once and shown with a snippet; rotating replaces it', async () => {
    const again = expectStatus(await api.get<WidgetInstallation>('/api/v1/settings/widget'), 200);
    expect(again.secret).toBe(secret);
    expect(again.snippet).toContain(`data-workspace="${server.workspaceId}"`);
    expect(again.snippet).toContain(`${server.url}/widget.js`);
  });
});

describe('POST /api/v1/public/widget/check', () => {
  test('a page view lists the triggers to watch and shows nothing when none fired', async () => {
    const result = expectStatus(await check({ visitorId: unique('visitor'), url: 'https://shop.example/cart' }), 200);
    expect(result.survey).toBeNull();
    expect(result.triggers).toEqual([{ type: 'event', name: 'checkout_completed' }]);
  });

  test('an anonymous visitor gets the survey once per recontact period', async () => {
    const visitorId = unique('visitor');
    const first = expectStatus(await check({ visitorId, event: 'checkout_completed', language: 'en' }), 200);
    expect(first.survey?.surveyId).toBe(survey.id);
    expect(first.survey?.language).toBe('en');
    expect(first.survey?.kind).toBe('csat');
    const token = first.survey?.token ?? '';
    const answer = await api.post('/api/v1/public/responses', { token, score: 5, comment: 'Smooth checkout' });
    expect(answer.status).toBe(200);
    const second = expectStatus(await check({ visitorId, event: 'checkout_completed' }), 200);
    expect(second.survey).toBeNull();
    const invitations = await server.app.db
      .select()
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.workspaceId, server.workspaceId), eq(surveyInvitations.visitorId, visitorId)));
    expect(invitations).toHaveLength(1);
    expect(invitations[0]).toMatchObject({ delivery: 'widget', status: 'answered', touchpoint: 'checkout_completed' });
    const [response] = await responsesOf(invitations[0]?.id ?? '');
    expect(response).toMatchObject({ score: 5, comment: 'Smooth checkout', delivery: 'widget', contactId: null });
  });

  test('without a visitor id or user there is nobody to count surveys against: nothing is shown', async () => {
    const result = expectStatus(await check({ event: 'checkout_completed' }), 200);
    expect(result.survey).toBeNull();
  });

  test('an identified visitor needs the user hash; a wrong one is refused and writes nothing', async () => {
    const userId = unique('user');
    const forged = await check({ userId, userHash: hash('someone-else'), event: 'checkout_completed' });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('body.userHash');
    const missing = await check({ userId, event: 'checkout_completed' });
    expect(missing.status).toBe(403);
    const identities = await server.app.db
      .select()
      .from(contactIdentities)
      .where(and(eq(contactIdentities.workspaceId, server.workspaceId), eq(contactIdentities.value, userId)));
    expect(identities).toHaveLength(0);
  });

  test('an identified visitor becomes a contact by external id; someone else’s email never picks their contact', async () => {
    const victim = await createContact(api, { name: 'Victim', emails: [`${unique('victim')}@example.test`] });
    const userId = unique('user');
    const result = expectStatus(
      await check({
        userId,
        userHash: hash(userId),
        userEmail: victim.emails[0],
        userName: 'Mallory',
        event: 'checkout_completed',
        language: 'ja',
      }),
      200,
    );
    expect(result.survey?.language).toBe('ja');
    const [invitation] = await server.app.db
      .select()
      .from(surveyInvitations)
      .where(
        and(
          eq(surveyInvitations.workspaceId, server.workspaceId),
          eq(surveyInvitations.touchpoint, 'checkout_completed'),
        ),
      )
      .orderBy(surveyInvitations.createdAt);
    expect(invitation).toBeDefined();
    const all = await server.app.db
      .select({ contactId: surveyInvitations.contactId })
      .from(surveyInvitations)
      .where(eq(surveyInvitations.workspaceId, server.workspaceId));
    expect(all.map((r) => r.contactId)).not.toContain(victim.id);
    const again = expectStatus(await check({ userId, userHash: hash(userId), event: 'checkout_completed' }), 200);
    expect(again.survey).toBeNull();
  });

  test('a chat survey left for the contact is shown on the next page view', async () => {
    const userId = unique('user');
    const first = expectStatus(await check({ userId, userHash: hash(userId), url: 'https://app.example/' }), 200);
    expect(first.survey).toBeNull();
    const [identity] = await server.app.db
      .select()
      .from(contactIdentities)
      .where(and(eq(contactIdentities.workspaceId, server.workspaceId), eq(contactIdentities.value, userId)));
    const contactId = identity?.contactId ?? '';
    const record = await getSurveyRecord(server.app.db, server.workspaceId, survey.id);
    const { invitation } = await createInvitation(server.app.db, server.workspaceId, {
      survey: record,
      delivery: 'chat',
      contactId,
      status: 'scheduled',
    });
    const shown = expectStatus(await check({ userId, userHash: hash(userId), url: 'https://app.example/' }), 200);
    expect(shown.survey?.surveyId).toBe(survey.id);
    const answer = await api.post('/api/v1/public/responses', { token: shown.survey?.token, score: 2 });
    expect(answer.status).toBe(200);
    const [response] = await responsesOf(invitation.id);
    expect(response).toMatchObject({ score: 2, delivery: 'chat', contactId });
  });

  test('page URL and time-on-page triggers fire on the server’s terms', async () => {
    const pricing = expectStatus(
      await api.post<Survey>('/api/v1/surveys', {
        name: 'Pricing NPS',
        template: 'nps_relationship',
        status: 'active',
        settings: {
          widget: {
            enabled: true,
            triggers: [
              { type: 'url', contains: '/pricing' },
              { type: 'time_on_page', seconds: 30 },
            ],
          },
        },
      }),
      201,
    );
    const page = { url: 'https://shop.example/pricing?plan=pro' };
    const shown = expectStatus(await check({ visitorId: unique('visitor'), ...page }), 200);
    expect(shown.survey?.surveyId).toBe(pricing.id);
    expect(shown.triggers).toContainEqual({ type: 'time_on_page', seconds: 30 });
    const elsewhere = { url: 'https://shop.example/cart' };
    const early = expectStatus(await check({ visitorId: unique('visitor'), ...elsewhere, seconds: 29 }), 200);
    expect(early.survey).toBeNull();
    const late = expectStatus(await check({ visitorId: unique('visitor'), ...elsewhere, seconds: 30 }), 200);
    expect(late.survey?.surveyId).toBe(pricing.id);
    // A survey that is not active, or not on the widget, is never shown.
    expectStatus(await api.patch(`/api/v1/surveys/${pricing.id}`, { status: 'archived' }), 200);
    expect(expectStatus(await check({ visitorId: unique('visitor'), ...page }), 200).survey).toBeNull();
  });

  test('bad input names the field', async () => {
    const response = await check({ visitorId: 'short', event: 'x' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('body.visitorId');
    const unknown = await api.post('/api/v1/public/widget/check', {
      workspaceId: '0190a0a0-0000-7000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('cross-origin use by host pages', () => {
  test('the preflight allows JSON POSTs from any origin, and answers carry the header', async () => {
    const preflight = await fetch(`${server.url}/api/v1/public/widget/check`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const answer = await fetch(`${server.url}/api/v1/public/responses`, {
      method: 'POST',
      headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'not-a-token-at-all' }),
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const member = await fetch(`${server.url}/api/v1/surveys`, { headers: { origin: 'https://shop.example' } });
    expect(member.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('the scripts are served gzipped, cacheable and loadable from other origins', async () => {
    const loader = await fetch(`${server.url}/widget.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-type')).toContain('javascript');
    expect(loader.headers.get('cache-control')).toContain('max-age=300');
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    const code = await loader.text();
    const appPath = /\/widget\/app\.js\?v=[0-9a-f]{12}/.exec(code)?.[0];
    expect(appPath).toBeDefined();
    const app = await fetch(`${server.url}${appPath}`);
    expect(app.status).toBe(200);
    expect(app.headers.get('cache-control')).toContain('immutable');
    const notModified = await fetch(`${server.url}${appPath}`, {
      headers: { 'if-none-match': app.headers.get('etag') ?? '' },
    });
    expect(notModified.status).toBe(304);
    expect((await fetch(`${server.url}/widget/secret.txt`)).status).toBe(404);
  });
});

describe('the public survey page /s/{token}', () => {
  test('renders a shell in the invitation’s language and records nothing', async () => {
    const record = await getSurveyRecord(server.app.db, server.workspaceId, survey.id);
    const contact = await createContact(api, { name: 'Page visitor', locale: 'en' });
    const { invitation } = await createInvitation(server.app.db, server.workspaceId, {
      survey: record,
      delivery: 'email',
      contactId: contact.id,
      status: 'sent',
      unthrottled: true,
    });
    const { tokenFor } = await import('../../src/server/modules/surveys/invitations.ts');
    const page = await fetch(`${server.url}/s/${tokenFor(server.app.config.secret, invitation)}?score=4`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<script src="\/widget\/page\.js\?v=[0-9a-f]{12}" defer>/);
    expect(await responsesOf(invitation.id)).toHaveLength(0);
    const [after] = await server.app.db
      .select({ status: surveyInvitations.status })
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.workspaceId, server.workspaceId), eq(surveyInvitations.id, invitation.id)));
    expect(after?.status).toBe('sent');
  });

  test('a forged link gets a page saying so, in Japanese and English', async () => {
    const page = await fetch(`${server.url}/s/eyJ3IjoiZm9yZ2VkIn0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, {
      headers: { 'accept-language': 'ja,en;q=0.8' },
    });
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('アンケートのリンクが無効か、有効期限が切れています。');
    expect(html).toContain('This survey link is invalid or has expired.');
  });
});
