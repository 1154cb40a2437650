import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReplyScript } from '../../src/shared/contracts/conversations.ts';
import {
  addMember,
  createCompany,
  createContact,
  createConversation,
  createReplyScript,
  expectStatus,
  serverWorkspace,
  type TestMember,
  unique,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let api: Client;
let agent: TestMember;
beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  agent = await addMember(server, api, 'agent', '佐藤 一郎');
  await api.patch('/api/v1/workspace', { name: 'Koe Support' });
});
afterAll(() => server?.close());

describe('reply scripts', () => {
  test('create, list, read, update and delete; the shortcut is unique', async () => {
    const shortcut = unique('greet').toLowerCase();
    const script = await createReplyScript(api, {
      name: 'Greeting',
      shortcut,
      bodies: { ja: '{{contact.name}} 様', en: 'Hello {{contact.first_name}}' },
    });
    expect(script).toMatchObject({
      name: 'Greeting',
      shortcut,
      bodies: { ja: '{{contact.name}} 様', en: 'Hello {{contact.first_name}}' },
    });
    expect((await api.get(`/api/v1/reply-scripts/${script.id}`)).body).toEqual(script);

    const second = await createReplyScript(api, { shortcut: `a-${shortcut}` });
    const listed = expectStatus(await api.get<{ data: ReplyScript[] }>('/api/v1/reply-scripts'), 200);
    const shortcuts = listed.data.map((s) => s.shortcut);
    expect(shortcuts).toEqual([...shortcuts].sort());
    expect(shortcuts).toEqual(expect.arrayContaining([shortcut, `a-${shortcut}`]));

    expectProblem(
      await api.post('/api/v1/reply-scripts', { name: 'x', shortcut, bodies: { en: 'x' } }),
      409,
      'body.shortcut',
    );
    expectProblem(await api.patch(`/api/v1/reply-scripts/${second.id}`, { shortcut }), 409, 'body.shortcut');
    const updated = expectStatus(
      await api.patch<ReplyScript>(`/api/v1/reply-scripts/${script.id}`, { name: 'Greeting v2', shortcut }),
      200,
    );
    expect(updated).toMatchObject({ name: 'Greeting v2', shortcut, bodies: script.bodies });

    // Agents use scripts but do not manage them.
    expect((await agent.session.get(`/api/v1/reply-scripts/${script.id}`)).status).toBe(200);
    expectProblem(await agent.session.patch(`/api/v1/reply-scripts/${script.id}`, { name: 'x' }), 403);

    expect((await api.delete(`/api/v1/reply-scripts/${script.id}`)).status).toBe(204);
    expectProblem(await api.get(`/api/v1/reply-scripts/${script.id}`), 404);
    // The shortcut is free again.
    expect((await api.post('/api/v1/reply-scripts', { name: 'y', shortcut, bodies: { en: 'y' } })).status).toBe(201);
  });

  test("rendering fills contact, company, agent and workspace and picks the customer's language", async () => {
    const company = await createCompany(api, { name: 'サンプル株式会社' });
    const japanese = await createContact(api, { name: '山田 花子', locale: 'ja', companyId: company.id });
    const american = await createContact(api, { name: 'Jane Doe', locale: 'en-US' });
    const french = await createContact(api, { name: 'Marie Curie', locale: 'fr' });
    const script = await createReplyScript(api, {
      bodies: {
        ja: '{{contact.name}} 様、{{company.name}} の件で {{agent.name}} がご連絡します。({{workspace.name}})',
        en: 'Hi {{contact.first_name}}, {{agent.name}} here about "{{conversation.subject}}". {{order.id}}',
      },
    });
    const render = async (
      client: Client,
      contactId: string,
      extra: Record<string, unknown> = {},
      subject = '請求書',
    ) => {
      const conversation = await createConversation(api, { customer: { contactId }, subject });
      return expectStatus(
        await client.post<{ body: string; language: string | null }>(`/api/v1/reply-scripts/${script.id}/render`, {
          conversationId: conversation.id,
          ...extra,
        }),
        200,
      );
    };

    expect(await render(agent.session, japanese.id)).toEqual({
      body: '山田 花子 様、サンプル株式会社 の件で 佐藤 一郎 がご連絡します。(Koe Support)',
      language: 'ja',
    });
    // The base language of en-US; an unknown variable stays as written.
    expect(await render(agent.session, american.id, {}, 'Refund')).toEqual({
      body: 'Hi Jane, 佐藤 一郎 here about "Refund". {{order.id}}',
      language: 'en-US',
    });
    // No French text: English is the fallback.
    expect((await render(agent.session, french.id, {}, 'Bonjour')).body).toBe(
      'Hi Marie, 佐藤 一郎 here about "Bonjour". {{order.id}}',
    );
    // An explicit language wins over the customer's.
    expect((await render(agent.session, japanese.id, { language: 'en' }, 'Invoice')).body).toBe(
      'Hi 山田, 佐藤 一郎 here about "Invoice". {{order.id}}',
    );
    // Through an API key there is no agent: the variable is empty, not an error.
    expect((await render(api, american.id, {}, 'Key')).body).toBe('Hi Jane,  here about "Key". {{order.id}}');

    const jaOnly = await createReplyScript(api, { bodies: { ja: 'お問い合わせありがとうございます。' } });
    const conversation = await createConversation(api, { customer: { contactId: french.id } });
    const rendered = await api.post<{ body: string }>(`/api/v1/reply-scripts/${jaOnly.id}/render`, {
      conversationId: conversation.id,
    });
    expect(rendered.body.body).toBe('お問い合わせありがとうございます。');
  });
});
