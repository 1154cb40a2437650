import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { dispatchPendingEvents } from '../../src/server/modules/events/dispatch.ts';
import { eventHandlers } from '../../src/server/modules/events/handlers.ts';
import { deliverDueWebhooks, startWebhookDeliverer } from '../../src/server/modules/webhooks/deliverer.ts';
import type { Page } from '../../src/shared/contracts/common.ts';
import type { Webhook, WebhookDelivery, WebhookWithSecret } from '../../src/shared/contracts/webhooks.ts';
import {
  addMember,
  addMessage,
  createConversation,
  expectStatus,
  serverWorkspace,
  type TestMember,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { startWebhookReceiver, verifyStandardWebhook, type WebhookReceiver } from '../support/webhook-receiver.ts';

/** Retries after 0.2 s, then 0.6 s, then 1.8 s: four attempts in all. */
const BASE_SECONDS = 0.2;
const RETRIES = 3;

let server: TestServer;
let api: Client;
let manager: TestMember;
let agent: TestMember;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  server = await startTestServer({
    config: { webhooksAllowPrivate: true, webhookRetry: { limit: RETRIES, baseSeconds: BASE_SECONDS } },
  });
  api = serverWorkspace(server).api;
  manager = await addMember(server, api, 'manager');
  agent = await addMember(server, api, 'agent');
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await server?.close();
});
afterEach(() => {
  server.app.config.webhooksAllowPrivate = true;
});

async function receiver(): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver();
  receivers.push(started);
  return started;
}

async function createWebhook(input: Record<string, unknown>, target?: WebhookReceiver) {
  const created = expectStatus(await api.post<WebhookWithSecret>('/api/v1/webhooks', input), 201, 'create webhook');
  if (target) target.secret = created.secret;
  return created;
}

/** What the worker does every second, run once for this workspace: dispatch the events, send what is due. */
async function deliverNow() {
  await dispatchPendingEvents(server.app, eventHandlers, { workspaceId: server.workspaceId });
  return deliverDueWebhooks(server.app, { workspaceId: server.workspaceId });
}

const deliveriesOf = async (id: string, query = '') =>
  expectStatus(await api.get<Page<WebhookDelivery>>(`/api/v1/webhooks/${id}/deliveries${query}`), 200).data;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 25_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhook endpoints', () => {
  test('create, read, update, rotate and delete; the secret is shown only on create and rotate', async () => {
    const created = await createWebhook({
      url: 'https://93.184.215.14/koe',
      description: '  CRM sync ',
      eventTypes: ['conversation.created', 'survey.answered'],
    });
    expect(created).toMatchObject({
      url: 'https://93.184.215.14/koe',
      description: 'CRM sync',
      eventTypes: ['conversation.created', 'survey.answered'],
      enabled: true,
      lastDelivery: null,
      recent: { succeeded: 0, failed: 0, pending: 0 },
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);

    const read = expectStatus(await api.get<Webhook>(`/api/v1/webhooks/${created.id}`), 200);
    expect(read).not.toHaveProperty('secret');
    const { secret: _secret, ...withoutSecret } = created;
    expect(read).toEqual(withoutSecret);
    const listed = expectStatus(await api.get<{ data: Webhook[] }>('/api/v1/webhooks'), 200).data;
    expect(listed.find((w) => w.id === created.id)).toEqual(withoutSecret);
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    const patched = expectStatus(
      await api.patch<Webhook>(`/api/v1/webhooks/${created.id}`, { eventTypes: [], enabled: false }),
      200,
    );
    expect(patched).toMatchObject({ eventTypes: [], enabled: false, description: 'CRM sync' });

    const rotated = expectStatus(
      await api.post<WebhookWithSecret>(`/api/v1/webhooks/${created.id}/rotate-secret`),
      200,
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);

    expect((await api.delete(`/api/v1/webhooks/${created.id}`)).status).toBe(204);
    expectProblem(await api.get(`/api/v1/webhooks/${created.id}`), 404);
    expectProblem(await api.delete(`/api/v1/webhooks/${created.id}`), 404);
  });

  test('admins only: managers and agents are refused', async () => {
    for (const member of [manager, agent]) {
      expectProblem(await member.session.get('/api/v1/webhooks'), 403);
      expectProblem(await member.session.post('/api/v1/webhooks', { url: 'https://93.184.215.14/x' }), 403);
    }
  });

  test('bad input is a 400 naming the field, and nothing is written', async () => {
    const before = expectStatus(await api.get<{ data: Webhook[] }>('/api/v1/webhooks'), 200).data.length;
    const bad = async (input: Record<string, unknown>, field: string) =>
      expectProblem(await api.post('/api/v1/webhooks', { url: 'https://93.184.215.14/x', ...input }), 400, field);
    await bad({ url: 'ftp://93.184.215.14/x' }, 'body.url');
    await bad({ url: 'not a url' }, 'body.url');
    await bad({ url: 'https://user:secret@93.184.215.14/x' }, 'body.url');
    await bad({ url: undefined }, 'body.url');
    await bad({ eventTypes: ['conversation.deleted'] }, 'body.eventTypes.0');
    await bad({ eventTypes: ['note.added', 'note.added'] }, 'body.eventTypes');
    await bad({ description: 'x'.repeat(501) }, 'body.description');
    await bad({ enabled: 'yes' }, 'body.enabled');
    expect(expectStatus(await api.get<{ data: Webhook[] }>('/api/v1/webhooks'), 200).data).toHaveLength(before);
    expectProblem(await api.get('/api/v1/webhooks/not-an-id'), 404);
    expectProblem(await api.get('/api/v1/webhooks/018f0000-0000-7000-8000-000000000000/deliveries'), 404);
    expectProblem(await api.post('/api/v1/webhooks/deliveries/018f0000-0000-7000-8000-000000000000/retry'), 404);
  });
});

describe('delivery', () => {
  test('a loopback receiver gets the events it subscribed to, signed, and no others', async () => {
    const crm = await receiver();
    const everything = await receiver();
    const paused = await receiver();
    const hook = await createWebhook({ url: crm.url, eventTypes: ['conversation.created', 'note.added'] }, crm);
    const all = await createWebhook({ url: everything.url }, everything);
    await createWebhook({ url: paused.url, enabled: false }, paused);

    const conversation = await createConversation(api, { subject: 'Refund', message: { body: 'Where is my refund?' } });
    await addMessage(api, conversation.id, { kind: 'note', body: 'Checking with billing' });
    await addMessage(api, conversation.id, { kind: 'reply', body: 'It is on its way.' });
    const run = await deliverNow();
    // 2 events for the CRM endpoint + 4 for the one that takes everything.
    expect(run).toMatchObject({ claimed: 6, succeeded: 6, retrying: 0, failed: 0 });

    expect(crm.received.map((r) => r.payload.type).sort()).toEqual(['conversation.created', 'note.added']);
    expect(everything.received.map((r) => r.payload.type).sort()).toEqual([
      'conversation.created',
      'message.received',
      'message.sent',
      'note.added',
    ]);
    expect(paused.received).toEqual([]);
    for (const request of [...crm.received, ...everything.received]) {
      expect(request.verified).toBe(true);
      expect(request.answered).toBe(204);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['user-agent']).toBe('Koe-Webhooks/1');
      expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      // webhook-id is the domain event's id, in the payload too.
      expect(request.headers['webhook-id']).toBe(request.payload.data.id);
      expect(request.payload).toMatchObject({
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        data: { workspaceId: server.workspaceId, conversationId: conversation.id },
      });
    }
    // The same event reaches both endpoints under the same webhook-id; each endpoint's secret signs its own copy.
    const created = (r: WebhookReceiver) => r.received.find((x) => x.payload.type === 'conversation.created');
    expect(created(crm)?.headers['webhook-id']).toBe(created(everything)?.headers['webhook-id']);
    expect(verifyStandardWebhook(everything.secret, created(crm)?.headers ?? {}, created(crm)?.body ?? '')).toBe(false);
    expect(created(crm)?.payload.data).toMatchObject({ channel: 'email', cycle: 1, actor: { type: 'system' } });

    // The log: both delivered at the first attempt with the receiver's 204.
    const log = await deliveriesOf(hook.id);
    expect(log.map((d) => [d.eventType, d.status, d.attempts, d.lastStatusCode]).sort()).toEqual([
      ['conversation.created', 'succeeded', 1, 204],
      ['note.added', 'succeeded', 1, 204],
    ]);
    expect(log[0]?.attemptLog).toEqual([
      { at: expect.any(String), statusCode: 204, error: null, ms: expect.any(Number), response: null },
    ]);
    expect(log[0]?.maxAttempts).toBe(RETRIES + 1);
    const listed = expectStatus(await api.get<{ data: Webhook[] }>('/api/v1/webhooks'), 200).data;
    expect(listed.find((w) => w.id === all.id)).toMatchObject({
      lastDelivery: { status: 'succeeded', statusCode: 204 },
      recent: { succeeded: 4, failed: 0, pending: 0 },
    });

    // Dispatching again sends nothing twice.
    expect(await deliverNow()).toMatchObject({ claimed: 0 });
    expect(crm.received).toHaveLength(2);

    // Paginated, newest first; filtered by status.
    const first = expectStatus(
      await api.get<Page<WebhookDelivery>>(`/api/v1/webhooks/${all.id}/deliveries?limit=3`),
      200,
    );
    expect(first.data).toHaveLength(3);
    const second = expectStatus(
      await api.get<Page<WebhookDelivery>>(
        `/api/v1/webhooks/${all.id}/deliveries?limit=3&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
      ),
      200,
    );
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.data).toHaveLength(1);
    expect(await deliveriesOf(all.id, '?status=failed')).toEqual([]);
    expectProblem(await api.get(`/api/v1/webhooks/${all.id}/deliveries?status=lost`), 400, 'query.status');
  });

  test('a rotated secret signs the next request; the test ping goes through the same log', async () => {
    const target = await receiver();
    const hook = await createWebhook({ url: target.url, eventTypes: ['survey.answered'] }, target);
    const old = target.secret;
    target.secret = expectStatus(
      await api.post<WebhookWithSecret>(`/api/v1/webhooks/${hook.id}/rotate-secret`),
      200,
    ).secret;
    const ping = expectStatus(await api.post<WebhookDelivery>(`/api/v1/webhooks/${hook.id}/test`), 201);
    expect(ping).toMatchObject({ eventType: 'webhook.test', status: 'pending', attempts: 0, eventId: null });
    await deliverNow();
    expect(target.received).toHaveLength(1);
    const [request] = target.received;
    expect(request?.verified).toBe(true);
    expect(verifyStandardWebhook(old, request?.headers ?? {}, request?.body ?? '')).toBe(false);
    expect(request?.payload).toMatchObject({
      type: 'webhook.test',
      data: { id: ping.id, workspaceId: server.workspaceId },
    });
    expect(request?.headers['webhook-id']).toBe(ping.id);
    expect(await deliveriesOf(hook.id)).toMatchObject([{ id: ping.id, status: 'succeeded', attempts: 1 }]);

    // A disabled endpoint takes no test and no retry.
    await api.patch(`/api/v1/webhooks/${hook.id}`, { enabled: false });
    expectProblem(await api.post(`/api/v1/webhooks/${hook.id}/test`), 409, 'enabled');
    expectProblem(await api.post(`/api/v1/webhooks/deliveries/${ping.id}/retry`), 409, 'enabled');
  });

  test('a rotation with an overlap signs with both secrets until the old one expires', async () => {
    const target = await receiver();
    const hook = await createWebhook({ url: target.url }, target);
    const old = target.secret;
    const before = Date.now();
    const rotated = expectStatus(
      await api.post<WebhookWithSecret>(`/api/v1/webhooks/${hook.id}/rotate-secret`, { previousSecretHours: 24 }),
      200,
    );
    target.secret = rotated.secret;
    const expires = new Date(rotated.previousSecretExpiresAt ?? 0).getTime();
    expect(expires - before).toBeGreaterThanOrEqual(24 * 3_600_000 - 1000);
    expect(expires - before).toBeLessThan(24 * 3_600_000 + 60_000);
    expect(expectStatus(await api.get<Webhook>(`/api/v1/webhooks/${hook.id}`), 200).previousSecretExpiresAt).toBe(
      rotated.previousSecretExpiresAt,
    );
    expectStatus(await api.post(`/api/v1/webhooks/${hook.id}/test`), 201);
    await deliverNow();
    const [request] = target.received;
    // A receiver that still has the old secret accepts the request, and so does one with the new secret.
    expect(request?.headers['webhook-signature']?.toString().split(' ')).toHaveLength(2);
    expect(verifyStandardWebhook(rotated.secret, request?.headers ?? {}, request?.body ?? '')).toBe(true);
    expect(verifyStandardWebhook(old, request?.headers ?? {}, request?.body ?? '')).toBe(true);

    // Once the overlap is over (here: moved into the past), only the new secret signs.
    await server.app.db.execute(
      sql`update webhook_endpoints set previous_secret_expires_at = now() - interval '1 second' where id = ${hook.id}`,
    );
    expect(expectStatus(await api.get<Webhook>(`/api/v1/webhooks/${hook.id}`), 200).previousSecretExpiresAt).toBeNull();
    expectStatus(await api.post(`/api/v1/webhooks/${hook.id}/test`), 201);
    await deliverNow();
    const latest = target.received[1];
    expect(latest?.headers['webhook-signature']?.toString().split(' ')).toHaveLength(1);
    expect(verifyStandardWebhook(old, latest?.headers ?? {}, latest?.body ?? '')).toBe(false);
    expect(verifyStandardWebhook(rotated.secret, latest?.headers ?? {}, latest?.body ?? '')).toBe(true);

    // A rotation without an overlap retires the old secret at once; a bad overlap is a 400 naming the field.
    const plain = expectStatus(await api.post<WebhookWithSecret>(`/api/v1/webhooks/${hook.id}/rotate-secret`), 200);
    expect(plain.previousSecretExpiresAt).toBeNull();
    expectProblem(
      await api.post(`/api/v1/webhooks/${hook.id}/rotate-secret`, { previousSecretHours: 500 }),
      400,
      'body.previousSecretHours',
    );
  });

  test('a failing receiver gets retries with growing delays, then the delivery fails; a manual retry succeeds', async () => {
    const failing = await receiver();
    failing.status = 500;
    const hook = await createWebhook({ url: failing.url }, failing);
    const stop = startWebhookDeliverer(server.app, { workspaceId: server.workspaceId });
    try {
      const ping = expectStatus(await api.post<WebhookDelivery>(`/api/v1/webhooks/${hook.id}/test`), 201);
      const [failed] = await waitFor(
        () => deliveriesOf(hook.id),
        (log) => log[0]?.status === 'failed',
        'the delivery to fail',
      );
      expect(failed).toMatchObject({
        id: ping.id,
        status: 'failed',
        attempts: RETRIES + 1,
        lastStatusCode: 500,
        lastError: 'HTTP 500',
        nextAttemptAt: null,
        deliveredAt: null,
      });
      expect(failed?.attemptLog.map((a) => [a.statusCode, a.error, a.response])).toEqual([
        [500, 'HTTP 500', 'refused with 500'],
        [500, 'HTTP 500', 'refused with 500'],
        [500, 'HTTP 500', 'refused with 500'],
        [500, 'HTTP 500', 'refused with 500'],
      ]);
      // The receiver saw four attempts of one message, each validly signed.
      expect(failing.received).toHaveLength(4);
      expect(new Set(failing.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([ping.id]));
      expect(failing.received.every((r) => r.verified)).toBe(true);

      // Delays after attempts 1, 2, 3: 0.2 s, 0.6 s, 1.8 s (× 3 each time). Each wait is at
      // least its delay, counted from the end of the previous attempt (the log's at + ms) …
      const planned = [0.2, 0.6, 1.8].map((s) => s * 1000);
      const attempts = failed?.attemptLog ?? [];
      for (const [index, delay] of planned.entries()) {
        const previous = attempts[index];
        const next = attempts[index + 1];
        if (!previous || !next) throw new Error('attempt missing');
        const waited = Date.parse(next.at) - (Date.parse(previous.at) + previous.ms);
        expect(waited, `wait after attempt ${index + 1}`).toBeGreaterThanOrEqual(delay - 1);
      }
      // … so the gaps the receiver saw between attempts grow.
      const gaps = failing.received.slice(1).map((r, i) => r.receivedAt - (failing.received[i]?.receivedAt ?? 0));
      for (const [index, gap] of gaps.entries()) expect(gap).toBeGreaterThanOrEqual((planned[index] ?? 0) - 1);
      expect(gaps[1]).toBeGreaterThan(gaps[0] ?? 0);
      expect(gaps[2]).toBeGreaterThan(gaps[1] ?? 0);

      // The receiver is fixed: a manual retry sends the same message once more and it succeeds.
      failing.status = null;
      const retried = expectStatus(
        await api.post<WebhookDelivery>(`/api/v1/webhooks/deliveries/${ping.id}/retry`),
        200,
      );
      expect(retried).toMatchObject({ status: 'pending', attempts: 4 });
      const [succeeded] = await waitFor(
        () => deliveriesOf(hook.id),
        (log) => log[0]?.status === 'succeeded',
        'the retry to succeed',
      );
      expect(succeeded).toMatchObject({ attempts: 5, lastStatusCode: 204, lastError: null, nextAttemptAt: null });
      expect(succeeded?.deliveredAt).not.toBeNull();
      expect(failing.received).toHaveLength(5);
      expect(failing.received[4]?.headers['webhook-id']).toBe(ping.id);
      expect(failing.received[4]?.verified).toBe(true);
    } finally {
      stop();
    }
  });

  test('a receiver that redirects is not followed and counts as a failure', async () => {
    const target = await receiver();
    target.status = 302;
    const hook = await createWebhook({ url: target.url }, target);
    const ping = expectStatus(await api.post<WebhookDelivery>(`/api/v1/webhooks/${hook.id}/test`), 201);
    await deliverNow();
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ id: ping.id, status: 'retrying', attempts: 1, lastStatusCode: 302 });
    expect(delivery?.lastError).toMatch(/^HTTP 302: redirects are not followed/);
    expect(Date.parse(delivery?.nextAttemptAt ?? '')).toBeGreaterThan(Date.parse(delivery?.lastAttemptAt ?? ''));
    expect((await api.delete(`/api/v1/webhooks/${hook.id}`)).status).toBe(204);
  });
});

describe('private addresses', () => {
  test('refused when saved unless the server allows them', async () => {
    server.app.config.webhooksAllowPrivate = false;
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://10.1.2.3/hook',
      'http://172.16.0.1/hook',
      'http://172.31.255.255/hook',
      'http://192.168.1.10/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.1/hook',
      'http://0.0.0.0/hook',
      'http://224.0.0.1/hook',
      'http://[fd12:3456::1]/hook',
      'http://[fe80::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://2130706433/hook',
    ]) {
      const problem = expectProblem(await api.post('/api/v1/webhooks', { url }), 400, 'body.url');
      expect(problem.detail, url).toContain('WEBHOOKS_ALLOW_PRIVATE');
    }
    // Public addresses next to the private ranges are fine.
    for (const url of ['https://93.184.215.14/hook', 'https://172.32.0.1/hook', 'https://100.128.0.1/hook']) {
      const created = await createWebhook({ url, enabled: false });
      const moved = await api.patch(`/api/v1/webhooks/${created.id}`, { url: 'http://192.168.0.2/x' });
      expectProblem(moved, 400, 'body.url');
      expect(expectStatus(await api.get<Webhook>(`/api/v1/webhooks/${created.id}`), 200).url).toBe(url);
      await api.delete(`/api/v1/webhooks/${created.id}`);
    }
  });

  test('refused again at delivery: an endpoint saved while allowed is not called once they are not', async () => {
    const target = await receiver();
    const byAddress = await createWebhook({ url: target.url }, target);
    const byName = await createWebhook({ url: target.url.replace('127.0.0.1', 'localhost') }, target);
    server.app.config.webhooksAllowPrivate = false;
    await api.post(`/api/v1/webhooks/${byAddress.id}/test`);
    await api.post(`/api/v1/webhooks/${byName.id}/test`);
    expect(await deliverNow()).toMatchObject({ claimed: 2, retrying: 2, succeeded: 0 });
    expect(target.received).toEqual([]);
    const [refusedAddress] = await deliveriesOf(byAddress.id);
    expect(refusedAddress).toMatchObject({ status: 'retrying', attempts: 1, lastStatusCode: null });
    expect(refusedAddress?.lastError).toContain('127.0.0.1 is a loopback, private or reserved address');
    const [refusedName] = await deliveriesOf(byName.id);
    expect(refusedName).toMatchObject({ status: 'retrying', attempts: 1, lastStatusCode: null });
    expect(refusedName?.lastError).toMatch(/^localhost resolves to (127\.0\.0\.1|::1)/);
    await api.delete(`/api/v1/webhooks/${byAddress.id}`);
    await api.delete(`/api/v1/webhooks/${byName.id}`);
  });
});
