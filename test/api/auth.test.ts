import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiKey, Me, Member } from '../../src/shared/contracts/workspaces.ts';
import {
  addMember,
  createApiKey,
  createContact,
  createInvitation,
  expectStatus,
  loginSession,
  serverWorkspace,
  uniqueEmail,
} from '../support/factories.ts';
import { anonymousClient, apiClient, type Client, sessionClient } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/server.ts';

// Logins are rate limited to 10 a minute per address and route; this file counts them
// (each `loginSession`, `login` and invitation accept is one) and keeps the rate-limit test last.

let server: TestServer;
let api: Client;
beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
});
afterAll(() => server?.close());

describe('sessions', () => {
  test('a wrong password is a 401 problem and sets no cookie', async () => {
    const client = sessionClient(server.url);
    const wrong = await client.login(server.owner.email, 'not the password');
    expectProblem(wrong, 401);
    const unknown = await client.login(uniqueEmail('nobody'), TEST_PASSWORD);
    expectProblem(unknown, 401);
    // Same answer for an unknown email as for a wrong password.
    expect((unknown.body as { detail: string }).detail).toBe((wrong.body as { detail: string }).detail);
    expect(client.cookies.size).toBe(0);
  });

  test('login sets an HttpOnly SameSite session cookie and a readable CSRF cookie; logout ends the session', async () => {
    const client = sessionClient(server.url);
    const response = await client.login(server.owner.email.toUpperCase(), server.owner.password);
    expect(response.status).toBe(200);
    const me = response.body as Me;
    expect(me).toMatchObject({
      role: 'owner',
      workspace: { id: server.workspaceId },
      user: { email: server.owner.email },
    });
    const session = client.setCookieHeaders.find((h) => h.startsWith('koe_session='));
    const csrf = client.setCookieHeaders.find((h) => h.startsWith('koe_csrf='));
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(session).toMatch(/;\s*Path=\//i);
    expect(session).not.toMatch(/;\s*Secure/i); // plain http in tests; Secure only behind https
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/;\s*SameSite=Strict/i);
    expect(me.csrfToken).toBe(client.cookies.get('koe_csrf'));

    // The session cookie is stored hashed.
    const token = client.cookies.get('koe_session') ?? '';
    const { rows } = await server.app.database.pool.query(
      'select count(*)::int as n from sessions where token_hash = $1 or token_hash like $2',
      [token, `%${token.split('.')[1]}%`],
    );
    expect(rows[0].n).toBe(0);

    expect((await client.get<Me>('/api/v1/me')).body.user.email).toBe(server.owner.email);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect(client.cookies.has('koe_session')).toBe(false);
    // The old token no longer works even if a client kept it.
    const replay = sessionClient(server.url);
    replay.cookies.set('koe_session', token);
    expectProblem(await replay.get('/api/v1/me'), 401);
  });

  test('cookie writes need the CSRF header; reads do not', async () => {
    const client = await loginSession(server.url, server.owner.email, server.owner.password);
    client.sendCsrf = false;
    expect((await client.get('/api/v1/contacts')).status).toBe(200);
    const before = (await api.get<{ data: unknown[] }>('/api/v1/contacts?limit=200')).body.data.length;
    expectProblem(await client.post('/api/v1/contacts', { name: 'No CSRF' }), 403);
    expectProblem(
      await client.request('POST', '/api/v1/contacts', {
        body: { name: 'Bad CSRF' },
        headers: { 'x-csrf-token': 'nope' },
      }),
      403,
    );
    expect((await api.get<{ data: unknown[] }>('/api/v1/contacts?limit=200')).body.data.length).toBe(before);
    client.sendCsrf = true;
    expect((await client.post('/api/v1/contacts', { name: 'With CSRF' })).status).toBe(201);
  });

  test('no credentials is a 401 problem', async () => {
    expectProblem(await anonymousClient(server.url).get('/api/v1/contacts'), 401);
    expectProblem(await anonymousClient(server.url).post('/api/v1/contacts', { name: 'x' }), 401);
    expectProblem(await apiClient(server.url, 'koe_garbage').get('/api/v1/contacts'), 401);
    expectProblem(
      await anonymousClient(server.url).get('/api/v1/contacts', { authorization: 'Basic dXNlcjpwYXNz' }),
      401,
    );
  });
});

describe('API keys', () => {
  test('a Bearer key works, is stored hashed, and stops working once revoked', async () => {
    const created = await createApiKey(api, { name: 'integration', role: 'agent' });
    expect(created.key).toMatch(/^koe_[0-9a-f]{32}_/);
    const key = created.key ?? '';
    const client = apiClient(server.url, key);
    expect((await client.get('/api/v1/contacts')).status).toBe(200);

    const { rows } = await server.app.database.pool.query(
      'select to_jsonb(k)::text as row from api_keys k where workspace_id = $1 and id = $2',
      [server.workspaceId, created.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].row).not.toContain(key);
    // The secret follows `koe_<workspace hex>_` and may itself contain `_`.
    const secret = key.slice('koe_'.length + 32 + 1);
    expect(secret.length).toBeGreaterThan(20);
    expect(rows[0].row).not.toContain(secret);

    const listed = expectStatus(await api.get<{ data: ApiKey[] }>('/api/v1/api-keys'), 200);
    const entry = listed.data.find((k) => k.id === created.id);
    expect(entry).toMatchObject({ name: 'integration', role: 'agent', revokedAt: null });
    expect(entry?.key).toBeUndefined();
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(entry?.lastUsedAt).not.toBeNull();

    // An agent key cannot manage keys: 403, not 401.
    expectProblem(await client.get('/api/v1/api-keys'), 403);
    expect((await api.delete(`/api/v1/api-keys/${created.id}`)).status).toBe(204);
    expectProblem(await client.get('/api/v1/contacts'), 401);
    expectProblem(await api.delete(`/api/v1/api-keys/${created.id}`), 404);
  });

  test('an API key cannot be made with the owner role or above its creator', async () => {
    expectProblem(await api.post('/api/v1/api-keys', { name: 'x', role: 'owner' }), 400, 'body.role');
    const manager = await createApiKey(api, { role: 'manager' });
    // A manager key is not an admin: it cannot create keys at all.
    expectProblem(await apiClient(server.url, manager.key ?? '').post('/api/v1/api-keys', { name: 'x' }), 403);
  });
});

describe('roles and invitations', () => {
  test('an invitation is accepted with a name and password and logs in with the invited role; reuse fails', async () => {
    const email = uniqueEmail('Invitee');
    const invitation = await createInvitation(api, { email, role: 'manager' });
    expect(invitation.acceptUrl).toMatch(new RegExp(`^${server.url}/invite\\?token=`));
    const pending = expectStatus(await api.get<{ data: { id: string }[] }>('/api/v1/invitations'), 200);
    expect(pending.data.map((i) => i.id)).toContain(invitation.id);

    const token = new URL(invitation.acceptUrl ?? '').searchParams.get('token') ?? '';
    const client = sessionClient(server.url);
    const accepted = await client.post<Me>('/api/v1/invitations/accept', {
      token,
      name: '招待 花子',
      password: 'a new password',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ role: 'manager', user: { name: '招待 花子', email } });
    expect(client.cookies.has('koe_session')).toBe(true);
    expect((await client.get<Me>('/api/v1/me')).body.role).toBe('manager');
    // The account is real: the chosen password logs in.
    expect((await sessionClient(server.url).login(email, 'a new password')).status).toBe(200);

    const again = await sessionClient(server.url).post('/api/v1/invitations/accept', {
      token,
      name: 'Someone else',
      password: 'another password',
    });
    expectProblem(again, 400, 'body.token');
    // No longer pending.
    const after = expectStatus(await api.get<{ data: { id: string }[] }>('/api/v1/invitations'), 200);
    expect(after.data.map((i) => i.id)).not.toContain(invitation.id);
    const members = expectStatus(await api.get<{ data: Member[] }>('/api/v1/members'), 200);
    expect(members.data.filter((m) => m.email === email)).toHaveLength(1);
  });

  test('a revoked invitation cannot be accepted; an existing member cannot be invited again', async () => {
    const invitation = await createInvitation(api, { role: 'agent' });
    expect((await api.delete(`/api/v1/invitations/${invitation.id}`)).status).toBe(204);
    const token = new URL(invitation.acceptUrl ?? '').searchParams.get('token') ?? '';
    expectProblem(
      await anonymousClient(server.url).post('/api/v1/invitations/accept', { token, name: 'x', password: 'password1' }),
      400,
      'body.token',
    );
    expectProblem(await api.post('/api/v1/invitations', { email: server.owner.email }), 409, 'body.email');
  });

  test('a viewer cannot create, an agent cannot manage members, an admin cannot grant owner (403, not 401)', async () => {
    const viewer = await addMember(server, api, 'viewer');
    const agent = await addMember(server, api, 'agent');
    const admin = await addMember(server, api, 'admin');

    expect((await viewer.session.get('/api/v1/contacts')).status).toBe(200);
    expectProblem(await viewer.session.post('/api/v1/contacts', { name: 'x' }), 403);
    expectProblem(
      await viewer.session.post('/api/v1/conversations', { channel: 'chat', customer: { email: 'v@x.test' } }),
      403,
    );

    expect((await agent.session.post('/api/v1/contacts', { name: 'by agent' })).status).toBe(201);
    expectProblem(await agent.session.patch(`/api/v1/members/${viewer.id}`, { role: 'admin' }), 403);
    expectProblem(await agent.session.delete(`/api/v1/members/${viewer.id}`), 403);
    expectProblem(await agent.session.post('/api/v1/invitations', { email: uniqueEmail() }), 403);
    expectProblem(
      await agent.session.post('/api/v1/reply-scripts', { name: 'x', shortcut: 'x', bodies: { en: 'x' } }),
      403,
    );
    expectProblem(await agent.session.delete(`/api/v1/contacts/${(await createContact(api)).id}`), 403);

    const ownerId = (await api.get<{ data: Member[] }>('/api/v1/members')).body.data.find(
      (m) => m.role === 'owner',
    )?.id;
    expectProblem(await admin.session.patch(`/api/v1/members/${agent.id}`, { role: 'owner' }), 403);
    expectProblem(await admin.session.patch(`/api/v1/members/${ownerId}`, { role: 'agent' }), 403);
    expectProblem(
      await admin.session.post('/api/v1/invitations', { email: uniqueEmail(), role: 'owner' }),
      400,
      'body.role',
    );
    const promoted = await admin.session.patch<Member>(`/api/v1/members/${viewer.id}`, { role: 'agent' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('agent');
    // The new role applies to the live session at once.
    expect((await viewer.session.post('/api/v1/contacts', { name: 'now allowed' })).status).toBe(201);

    // Removing a member ends their access.
    expect((await admin.session.delete(`/api/v1/members/${agent.id}`)).status).toBe(204);
    expectProblem(await agent.session.get('/api/v1/contacts'), 401);
  });

  test('the last owner cannot be demoted or removed', async () => {
    const owner = await loginSession(server.url, server.owner.email, server.owner.password);
    const me = (await owner.get<Me>('/api/v1/me')).body;
    expectProblem(await owner.patch(`/api/v1/members/${me.user.id}`, { role: 'admin' }), 403);
    expectProblem(await owner.delete(`/api/v1/members/${me.user.id}`), 403);
    expect((await owner.get<Me>('/api/v1/me')).body.role).toBe('owner');
    // With a second owner, the first may step down.
    const second = await addMember(server, api, 'admin');
    expect((await owner.patch<Member>(`/api/v1/members/${second.id}`, { role: 'owner' })).status).toBe(200);
    expect((await owner.patch<Member>(`/api/v1/members/${me.user.id}`, { role: 'admin' })).body.role).toBe('admin');
    expectProblem(await second.session.patch(`/api/v1/members/${second.id}`, { role: 'admin' }), 403);
  });
});

describe('rate limits', () => {
  test('too many login attempts are answered 429', async () => {
    const client = anonymousClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await client.post('/api/v1/auth/login', { email: server.owner.email, password: `wrong ${i}` })).status,
      );
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(0, statuses.indexOf(429)).every((s) => s === 401)).toBe(true);
    const limited = await client.post('/api/v1/auth/login', {
      email: server.owner.email,
      password: server.owner.password,
    });
    expectProblem(limited, 429);
    // Other routes are not limited by it.
    expect((await api.get('/api/v1/contacts')).status).toBe(200);
  });
});
