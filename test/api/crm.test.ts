import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Conversation, ConversationEvent, Message } from '../../src/shared/contracts/conversations.ts';
import type { Company, Contact, TimelineItem } from '../../src/shared/contracts/customers.ts';
import {
  addMessage,
  allPages,
  at,
  createCompany,
  createContact,
  createConversation,
  expectStatus,
  serverWorkspace,
  unique,
  uniqueEmail,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let api: Client;
beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
});
afterAll(() => server?.close());

const conversationsOf = async (contactId: string) =>
  allPages<Conversation>(api, `/api/v1/conversations?contactId=${contactId}`, 50);
const messagesOf = async (conversationId: string) =>
  allPages<Message>(api, `/api/v1/conversations/${conversationId}/messages`, 50);

describe('contacts', () => {
  test('create, read, update, list and erase a contact with emails, phones and external ids', async () => {
    const domainPart = unique('example').toLowerCase();
    const created = await createContact(api, {
      name: '山田 花子',
      emails: [`Hanako@${domainPart}.JP`, `h.yamada@${domainPart}.jp`],
      phones: ['+81 3-1234-5678'],
      externalIds: [' crm-1 '],
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      attributes: { plan: 'gold' },
    });
    expect(created).toMatchObject({
      name: '山田 花子',
      emails: [`hanako@${domainPart}.jp`, `h.yamada@${domainPart}.jp`],
      phones: ['+81312345678'],
      externalIds: ['crm-1'],
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      companyId: null,
      attributes: { plan: 'gold' },
    });
    expect((await api.get(`/api/v1/contacts/${created.id}`)).body).toEqual(created);

    const updated = expectStatus(
      await api.patch<Contact>(`/api/v1/contacts/${created.id}`, {
        name: '山田 花子 (updated)',
        phones: ['+81 90-0000-1111', '03 9999 0000'],
        attributes: { tier: 2 },
      }),
      200,
    );
    expect(updated).toMatchObject({
      name: '山田 花子 (updated)',
      emails: created.emails, // not sent, so kept
      phones: ['+819000001111', '0399990000'],
      externalIds: ['crm-1'],
      attributes: { plan: 'gold', tier: 2 }, // merged
    });
    // The old phone is free again; the new one is taken.
    expect((await api.post('/api/v1/contacts', { phones: ['+81 3 1234 5678'] })).status).toBe(201);
    expectProblem(await api.post('/api/v1/contacts', { phones: ['0399990000'] }), 409, 'body.phones.0');

    const byEmail = expectStatus(
      await api.get<{ data: Contact[] }>(`/api/v1/contacts?email=${encodeURIComponent(`HANAKO@${domainPart}.jp`)}`),
      200,
    );
    expect(byEmail.data.map((c) => c.id)).toEqual([created.id]);
    const byText = expectStatus(await api.get<{ data: Contact[] }>(`/api/v1/contacts?q=${domainPart}`), 200);
    expect(byText.data.map((c) => c.id)).toEqual([created.id]);
    const byName = expectStatus(
      await api.get<{ data: Contact[] }>(`/api/v1/contacts?q=${encodeURIComponent('花子 (upd')}`),
      200,
    );
    expect(byName.data.map((c) => c.id)).toEqual([created.id]);

    expect((await api.delete(`/api/v1/contacts/${created.id}`)).status).toBe(204);
    expectProblem(await api.get(`/api/v1/contacts/${created.id}`), 404);
    expectProblem(await api.delete(`/api/v1/contacts/${created.id}`), 404);
    // Erased means its identities are free for a new contact.
    expect((await api.post('/api/v1/contacts', { emails: created.emails })).status).toBe(201);
  });

  test('the contact list is newest first and its cursor walks every contact once', async () => {
    const company = await createCompany(api);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await createContact(api, { companyId: company.id })).id);
    const walked = await allPages<Contact>(api, `/api/v1/contacts?companyId=${company.id}`, 2);
    expect(walked.map((c) => c.id)).toEqual([...made].reverse());
  });
});

describe('companies', () => {
  test('create, read, update, list and delete a company; its domain is unique', async () => {
    const name = `株式会社サンプル ${unique('')}`;
    const domain = `${unique('sample').toLowerCase()}.co.jp`;
    const company = await createCompany(api, {
      name,
      domain: domain.toUpperCase(),
      plan: 'enterprise',
      revenue: 1_200_000.5,
      lifecycleStage: 'trial',
      attributes: { region: 'kanto' },
    });
    expect(company).toMatchObject({
      name,
      domain,
      plan: 'enterprise',
      revenue: 1_200_000.5,
      lifecycleStage: 'trial',
      attributes: { region: 'kanto' },
    });
    expectProblem(await api.post('/api/v1/companies', { name: 'Clone', domain }), 409, 'body.domain');

    const member = await createContact(api, { companyId: company.id });
    // A new customer writing from the company's domain is linked to it.
    const conversation = await createConversation(api, { customer: { email: `buyer@${domain}` } });
    expect(conversation.companyId).toBe(company.id);
    const buyer = expectStatus(await api.get<Contact>(`/api/v1/contacts/${conversation.contactId}`), 200);
    expect(buyer.company).toEqual({ id: company.id, name });
    expect((await api.get<Company>(`/api/v1/companies/${company.id}`)).body.contactCount).toBe(2);

    const listed = expectStatus(
      await api.get<{ data: Company[] }>(`/api/v1/companies?q=${encodeURIComponent(name)}`),
      200,
    );
    expect(listed.data.map((c) => c.id)).toEqual([company.id]);
    expect(listed.data[0]?.contactCount).toBe(2);

    const updated = expectStatus(
      await api.patch<Company>(`/api/v1/companies/${company.id}`, {
        plan: 'pro',
        domain: null,
        attributes: { size: 50 },
      }),
      200,
    );
    // Fields not sent keep their values (no create defaults on PATCH).
    expect(updated).toMatchObject({
      name,
      plan: 'pro',
      domain: null,
      revenue: 1_200_000.5,
      lifecycleStage: 'trial',
      attributes: { region: 'kanto', size: 50 },
    });
    // The domain is free again.
    expect((await api.post('/api/v1/companies', { name: 'Successor', domain })).status).toBe(201);

    expect((await api.delete(`/api/v1/companies/${company.id}`)).status).toBe(204);
    expectProblem(await api.get(`/api/v1/companies/${company.id}`), 404);
    // Its contacts stay, without a company.
    expect((await api.get<Contact>(`/api/v1/contacts/${member.id}`)).body).toMatchObject({
      companyId: null,
      company: null,
    });
  });

  test('companies are listed by name and the cursor walks each once', async () => {
    const prefix = unique('Walk');
    const names = ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo'].map((n) => `${prefix} ${n}`);
    const ids = new Map<string, string>();
    for (const name of names) ids.set((await createCompany(api, { name })).id, name);
    const walked = await allPages<Company>(api, `/api/v1/companies?q=${encodeURIComponent(prefix)}`, 2);
    expect(walked).toHaveLength(5);
    expect(new Set(walked.map((c) => c.id)).size).toBe(5);
    const sorted = walked.map((c) => c.name);
    // Sorted by the database's collation; whatever it is, the walk is in the order of one query.
    const single = expectStatus(
      await api.get<{ data: Company[] }>(`/api/v1/companies?q=${encodeURIComponent(prefix)}&limit=10`),
      200,
    );
    expect(sorted).toEqual(single.data.map((c) => c.name));
  });
});

describe('one customer across channels', () => {
  test('conversations find the same contact by email, phone or external id', async () => {
    const email = uniqueEmail('taro');
    const first = await createConversation(api, { channel: 'email', customer: { email, name: 'Taro' } });
    const contactId = first.contactId;
    const phone = `+81 80-${String(Date.now()).slice(-4)}-2222`;
    const externalId = unique('app');
    await api.patch(`/api/v1/contacts/${contactId}`, { phones: [phone], externalIds: [externalId] });

    const byPhone = await createConversation(api, {
      channel: 'phone',
      customer: { phone: phone.replace(/[ -]/g, '') },
    });
    const byExternal = await createConversation(api, { channel: 'in_app', customer: { externalId } });
    const byEmailCase = await createConversation(api, { channel: 'chat', customer: { email: email.toUpperCase() } });
    const byPhoneWithNewEmail = await createConversation(api, {
      channel: 'social',
      customer: { email: uniqueEmail('other'), phone },
    });
    const byId = await createConversation(api, { channel: 'api', customer: { contactId } });
    for (const conversation of [byPhone, byExternal, byEmailCase, byPhoneWithNewEmail, byId]) {
      expect(conversation.contactId, conversation.channel).toBe(contactId);
    }
    expect((await conversationsOf(contactId)).map((c) => c.channel).sort()).toEqual(
      ['api', 'chat', 'email', 'in_app', 'phone', 'social'].sort(),
    );
    // Nobody new was created along the way.
    const found = expectStatus(
      await api.get<{ data: Contact[] }>(`/api/v1/contacts?q=${encodeURIComponent(externalId)}`),
      200,
    );
    expect(found.data.map((c) => c.id)).toEqual([contactId]);
  });

  test('concurrent first messages from one new customer make one contact', async () => {
    const email = uniqueEmail('rush');
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api.post<Conversation>('/api/v1/conversations', {
          channel: 'chat',
          customer: { email },
          message: { body: `message ${i}` },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.contactId)).size).toBe(1);
  });

  test('concurrent creates of one email give one contact and 409s, never a 500', async () => {
    const email = uniqueEmail('twins');
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => api.post('/api/v1/contacts', { emails: [email] })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
  });
});

describe('merging contacts', () => {
  test('keeps every conversation and message of both; the source is gone and its emails find the target', async () => {
    const targetEmail = uniqueEmail('target');
    const sourceEmail = uniqueEmail('source');
    const target = await createContact(api, {
      name: 'Target',
      emails: [targetEmail],
      attributes: { a: 1, shared: 't' },
    });
    const source = await createContact(api, {
      name: 'Source',
      emails: [sourceEmail],
      phones: [`+81 70-${String(Date.now()).slice(-4)}-0000`],
      locale: 'en',
      attributes: { b: 2, shared: 's' },
    });
    const targetConversations = [];
    for (let i = 0; i < 2; i++) {
      const c = await createConversation(api, { customer: { contactId: target.id }, message: { body: `target ${i}` } });
      await addMessage(api, c.id, { kind: 'reply', body: 'reply' });
      targetConversations.push(c);
    }
    const sourceConversation = await createConversation(api, {
      channel: 'chat',
      customer: { contactId: source.id },
      message: { body: 'source question' },
    });
    await addMessage(api, sourceConversation.id, { kind: 'note', body: 'internal' });
    await addMessage(api, sourceConversation.id, { kind: 'reply', body: 'answer' });

    const before = {
      target: (await conversationsOf(target.id)).length,
      source: (await conversationsOf(source.id)).length,
      messages: new Map<string, number>(),
    };
    for (const c of [...targetConversations, sourceConversation])
      before.messages.set(c.id, (await messagesOf(c.id)).length);
    expect(before.target).toBe(2);
    expect(before.source).toBe(1);
    expect([...before.messages.values()]).toEqual([2, 2, 3]);

    const merged = expectStatus(
      await api.post<Contact>(`/api/v1/contacts/${target.id}/merge`, { sourceId: source.id }),
      200,
    );
    expect(merged.id).toBe(target.id);
    expect(merged.emails).toEqual([targetEmail, sourceEmail]);
    expect(merged.phones).toEqual(source.phones);
    expect(merged.name).toBe('Target');
    expect(merged.locale).toBe('en'); // the target had none
    expect(merged.attributes).toEqual({ a: 1, b: 2, shared: 't' });

    const after = await conversationsOf(target.id);
    expect(after).toHaveLength(3);
    expect(after.map((c) => c.id).sort()).toEqual([...targetConversations, sourceConversation].map((c) => c.id).sort());
    for (const [id, count] of before.messages) expect((await messagesOf(id)).length).toBe(count);
    // The customer's own messages are now the target's.
    const moved = await messagesOf(sourceConversation.id);
    expect(moved.find((m) => m.kind === 'customer')?.authorId).toBe(target.id);
    const timeline = await allPages<TimelineItem>(api, `/api/v1/contacts/${target.id}/timeline?kinds=message,note`, 50);
    expect(timeline).toHaveLength(7);

    expectProblem(await api.get(`/api/v1/contacts/${source.id}`), 404);
    expect(await conversationsOf(source.id)).toEqual([]);
    const list = expectStatus(
      await api.get<{ data: Contact[] }>(`/api/v1/contacts?q=${encodeURIComponent(sourceEmail)}`),
      200,
    );
    expect(list.data.map((c) => c.id)).toEqual([target.id]);
    const again = await createConversation(api, { customer: { email: sourceEmail.toUpperCase() } });
    expect(again.contactId).toBe(target.id);
    const events = expectStatus(
      await api.get<{ data: ConversationEvent[] }>(`/api/v1/conversations/${sourceConversation.id}/events`),
      200,
    );
    expect(events.data.at(-1)).toMatchObject({
      type: 'contact_merged',
      data: { fromContactId: source.id, toContactId: target.id },
    });
    expectProblem(await api.post(`/api/v1/contacts/${target.id}/merge`, { sourceId: source.id }), 400, 'body.sourceId');
    expectProblem(await api.post(`/api/v1/contacts/${source.id}/merge`, { sourceId: target.id }), 404);
  });

  test('erasing a contact removes its conversations, messages and the contacts merged into it', async () => {
    const contact = await createContact(api);
    const absorbed = await createContact(api);
    const kept = await createContact(api);
    const ids = [];
    for (const customer of [contact, absorbed]) {
      const c = await createConversation(api, { customer: { contactId: customer.id }, message: { body: 'secret' } });
      await addMessage(api, c.id, { kind: 'reply', body: 'reply' });
      ids.push(c.id);
    }
    const keptConversation = await createConversation(api, {
      customer: { contactId: kept.id },
      message: { body: 'x' },
    });
    expectStatus(await api.post(`/api/v1/contacts/${contact.id}/merge`, { sourceId: absorbed.id }), 200);

    expect((await api.delete(`/api/v1/contacts/${contact.id}`)).status).toBe(204);
    for (const id of ids) expectProblem(await api.get(`/api/v1/conversations/${id}`), 404);
    expect(await conversationsOf(contact.id)).toEqual([]);
    const pool = server.app.database.pool;
    const rows = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows.length;
    expect(
      await rows('select 1 from contacts where workspace_id = $1 and id = any($2)', [
        server.workspaceId,
        [contact.id, absorbed.id],
      ]),
    ).toBe(0);
    expect(
      await rows('select 1 from messages where workspace_id = $1 and conversation_id = any($2)', [
        server.workspaceId,
        ids,
      ]),
    ).toBe(0);
    expect(
      await rows('select 1 from conversation_events where workspace_id = $1 and conversation_id = any($2)', [
        server.workspaceId,
        ids,
      ]),
    ).toBe(0);
    expect(
      await rows('select 1 from contact_identities where workspace_id = $1 and contact_id = any($2)', [
        server.workspaceId,
        [contact.id, absorbed.id],
      ]),
    ).toBe(0);
    // Somebody else's conversation is untouched.
    expect((await messagesOf(keptConversation.id)).length).toBe(1);
  });
});

describe('timeline', () => {
  test('newest first across conversations, messages and notes; the cursor walks every item once; kinds filter', async () => {
    const contact = await createContact(api);
    const base = Date.now() - 3 * 3_600_000;
    const one = await createConversation(api, {
      customer: { contactId: contact.id },
      subject: 'First',
      createdAt: at(base, 0),
      message: { body: 'first question' },
    });
    const two = await createConversation(api, {
      channel: 'chat',
      customer: { contactId: contact.id },
      subject: 'Second',
      createdAt: at(base, 5),
      message: { body: 'second question' },
    });
    await addMessage(api, one.id, { kind: 'reply', body: 'reply one', createdAt: at(base, 10) });
    await addMessage(api, two.id, { kind: 'bot', body: 'bot two', createdAt: at(base, 15) });
    await addMessage(api, one.id, { kind: 'note', body: 'note one', createdAt: at(base, 20) });
    await addMessage(api, two.id, { kind: 'reply', body: 'reply two', createdAt: at(base, 25) });
    // A conversation of somebody else never shows.
    await createConversation(api, { createdAt: at(base, 30), message: { body: 'not theirs' } });

    const all = expectStatus(
      await api.get<{ data: TimelineItem[]; nextCursor: string | null }>(
        `/api/v1/contacts/${contact.id}/timeline?limit=50`,
      ),
      200,
    );
    expect(all.nextCursor).toBeNull();
    expect(all.data.map((i) => [i.kind, i.text, i.occurredAt])).toEqual([
      ['message', 'reply two', at(base, 25)],
      ['note', 'note one', at(base, 20)],
      ['message', 'bot two', at(base, 15)],
      ['message', 'reply one', at(base, 10)],
      // Same instant: conversation and its first message, in id order (descending).
      ...sortTies(
        [
          ['conversation', 'Second', at(base, 5)],
          ['message', 'second question', at(base, 5)],
        ],
        all.data,
      ),
      ...sortTies(
        [
          ['conversation', 'First', at(base, 0)],
          ['message', 'first question', at(base, 0)],
        ],
        all.data,
      ),
    ]);
    expect(all.data.find((i) => i.text === 'bot two')).toMatchObject({
      conversationId: two.id,
      channel: 'chat',
      authorType: 'bot',
    });

    for (const limit of [1, 3]) {
      const walked = await allPages<TimelineItem>(api, `/api/v1/contacts/${contact.id}/timeline`, limit);
      expect(walked.map((i) => i.id)).toEqual(all.data.map((i) => i.id));
    }
    const kinds = async (filter: string) =>
      (await allPages<TimelineItem>(api, `/api/v1/contacts/${contact.id}/timeline?kinds=${filter}`, 2)).map(
        (i) => i.text,
      );
    expect(await kinds('note')).toEqual(['note one']);
    expect(await kinds('conversation')).toEqual(['Second', 'First']);
    expect(await kinds('message')).toEqual(['reply two', 'bot two', 'reply one', 'second question', 'first question']);
    expect((await kinds('message,note')).length).toBe(6);
    expect(await kinds('survey_response')).toEqual([]);
  });
});

/** Orders items of the same instant as the API must: by id, descending (ids taken from the response). */
function sortTies(expected: [string, string, string][], data: TimelineItem[]): [string, string, string][] {
  const idOf = (item: [string, string, string]) => data.find((d) => d.kind === item[0] && d.text === item[1])?.id ?? '';
  return [...expected].sort((x, y) => (idOf(x) < idOf(y) ? 1 : -1));
}
