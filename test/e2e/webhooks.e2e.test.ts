import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEventDispatcher } from '../../src/server/modules/events/dispatch.ts';
import { eventHandlers } from '../../src/server/modules/events/handlers.ts';
import { getPreferences } from '../../src/server/modules/notifications/service.ts';
import { startWebhookDeliverer } from '../../src/server/modules/webhooks/deliverer.ts';
import type { Webhook } from '../../src/shared/contracts/webhooks.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { startWebhookReceiver, verifyStandardWebhook, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { apiClient, buildWebApp, launchBrowser, screenshot } from './support.ts';

describe('webhooks settings and the notification bell', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let receiver: WebhookReceiver;
  const stops: (() => void)[] = [];
  const stopsAfter: (() => unknown)[] = [];

  beforeAll(async () => {
    await buildWebApp();
    // The receiver listens on loopback, which only an admin's WEBHOOKS_ALLOW_PRIVATE=true allows.
    server = await startTestServer({ config: { webhooksAllowPrivate: true } });
    // What `koe serve` runs in the background: the event dispatcher and the webhook deliverer.
    stops.push(startEventDispatcher(server.app, eventHandlers, 300));
    stops.push(startWebhookDeliverer(server.app));
    receiver = await startWebhookReceiver();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    page = await context.newPage();
  });

  afterAll(async () => {
    for (const stop of stops) stop();
    await browser?.close();
    await server?.close();
    await receiver?.close();
    for (const stop of stopsAfter) await stop();
  });

  it('creates an endpoint, shows its secret once, and its delivery log fills with signed deliveries', async () => {
    await page.goto(`${server.url}/settings/webhooks`);
    await page.getByTestId('login-email').fill(server.owner.email);
    await page.getByTestId('login-password').fill(server.owner.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('language-ja').click();
    await page.getByTestId('webhook-create').waitFor();
    await page.getByText('まだ Webhook はありません').waitFor();
    await screenshot(page, 'ja-webhooks-empty');

    await page.getByTestId('webhook-create').click();
    await page.getByTestId('webhook-url').fill(receiver.url);
    await page.getByTestId('webhook-description').fill('CRM への同期');
    await page.getByTestId('webhook-events').click();
    await page.getByRole('option', { name: '会話の作成' }).click();
    // Closes the event list without closing the dialog.
    await page.getByTestId('webhook-description').click();
    await screenshot(page, 'ja-webhook-dialog');
    await page.getByTestId('webhook-save').click();

    const secret = page.getByTestId('webhook-secret');
    await secret.waitFor();
    receiver.secret = (await secret.textContent()) ?? '';
    expect(receiver.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await screenshot(page, 'ja-webhook-secret');
    await page.getByTestId('webhook-secret-close').click();

    const card = page.getByTestId('webhook-card').filter({ hasText: 'CRM への同期' });
    await expect.poll(() => card.getByTestId('webhook-url-text').textContent()).toBe(receiver.url);
    await card.getByTestId('webhook-test').click();
    // A real event too: a conversation created through the API reaches the endpoint subscribed to it.
    const call = apiClient(server.url, server.apiKey);
    await call('POST', '/conversations', {
      channel: 'email',
      subject: '配送の遅れについて',
      customer: { email: 'customer@example.test', name: 'お客様' },
      message: { body: '注文した商品がまだ届きません。' },
    });
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(receiver.received.map((r) => r.payload.type).sort()).toEqual(['conversation.created', 'webhook.test']);

    await card.getByTestId('webhook-log').click();
    const rows = page.getByTestId('delivery-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('delivery-log').getByText('成功').count()).toBe(2);
    const createdRow = rows.filter({ has: page.getByText('会話の作成', { exact: true }) });
    await createdRow.getByRole('button').first().click();
    await createdRow.getByTestId('delivery-attempt').first().waitFor();
    expect(await createdRow.getByTestId('delivery-attempt').first().textContent()).toContain('204');
    await screenshot(page, 'ja-webhook-deliveries');
    await page.keyboard.press('Escape');

    const [webhook] = (await call<{ data: Webhook[] }>('GET', '/webhooks')).data;
    expect(webhook).toMatchObject({ description: 'CRM への同期', eventTypes: ['conversation.created'] });
    await expect
      .poll(() => card.getByTestId('webhook-last-delivery').textContent(), { timeout: 15_000 })
      .toContain('成功');
    await screenshot(page, 'ja-webhooks');

    // A receiver that answers 500: the delivery waits for its retry, and the log says why.
    const failing = await startWebhookReceiver();
    failing.status = 500;
    stopsAfter.push(() => failing.close());
    const broken = await call<{ id: string; secret: string }>('POST', '/webhooks', {
      url: failing.url,
      description: '在庫システム',
      eventTypes: ['survey.answered', 'sla.breached'],
    });
    failing.secret = broken.secret;
    await call('POST', `/webhooks/${broken.id}/test`);
    await expect.poll(() => failing.received.length, { timeout: 15_000 }).toBe(1);
    const brokenCard = page.getByTestId('webhook-card').filter({ hasText: '在庫システム' });
    await brokenCard.getByTestId('webhook-log').click();
    await expect
      .poll(() => page.getByTestId('delivery-error').first().textContent(), { timeout: 15_000 })
      .toBe('HTTP 500');
    await expect.poll(() => page.getByTestId('delivery-attempts').first().textContent()).toBe('1 / 8 回');
    const retryRow = rows.first();
    await retryRow.getByRole('button').first().click();
    await retryRow.getByTestId('delivery-attempt').first().waitFor();
    await screenshot(page, 'ja-webhook-retrying');
    await retryRow.getByTestId('delivery-retry').click();
    await expect.poll(() => failing.received.length, { timeout: 15_000 }).toBe(2);
    expect(failing.received.map((r) => [r.verified, r.headers['webhook-id']])).toEqual([
      [true, failing.received[0]?.headers['webhook-id']],
      [true, failing.received[0]?.headers['webhook-id']],
    ]);
    await page.keyboard.press('Escape');

    // Rotating keeps the old secret signing for a day (checked by default): the receiver still holding it accepts.
    const oldSecret = receiver.secret;
    await card.getByRole('button', { name: /^操作: / }).click();
    await page.getByRole('menuitem', { name: 'シークレットを再発行' }).click();
    expect(await page.getByTestId('webhook-rotate-overlap').isChecked()).toBe(true);
    await screenshot(page, 'ja-webhook-rotate');
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('webhook-secret-overlap').waitFor();
    const rotated = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    expect(rotated).not.toBe(oldSecret);
    await page.getByTestId('webhook-secret-close').click();
    await card.getByTestId('webhook-overlap').waitFor();
    await card.getByTestId('webhook-test').click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(3);
    const signed = receiver.received[2];
    expect(verifyStandardWebhook(oldSecret, signed?.headers ?? {}, signed?.body ?? '')).toBe(true);
    expect(verifyStandardWebhook(rotated, signed?.headers ?? {}, signed?.body ?? '')).toBe(true);
    receiver.secret = rotated;
    await screenshot(page, 'ja-webhooks-overlap');

    await page.getByTestId('language-en').click();
    await page.getByText('Last delivery').first().waitFor();
    await screenshot(page, 'en-webhooks');
    await card.getByTestId('webhook-log').click();
    await expect.poll(() => page.getByTestId('delivery-log').getByText('Succeeded').count()).toBe(3);
    const pingRow = rows.filter({ has: page.getByText('Test', { exact: true }) });
    await pingRow.getByRole('button').first().click();
    await pingRow.getByTestId('delivery-attempt').first().waitFor();
    await screenshot(page, 'en-webhook-deliveries');
    await page.keyboard.press('Escape');
    await card.getByRole('button', { name: /^Actions/ }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByTestId('webhook-url').waitFor();
    await screenshot(page, 'en-webhook-dialog');
    await page.keyboard.press('Escape');
  });

  it('the bell shows a notification, opens it, and the digest is set from the user menu', async () => {
    const call = apiClient(server.url, server.apiKey);
    const { data: members } = await call<{ data: { id: string; email: string }[] }>('GET', '/members');
    const me = members.find((m) => m.email === server.owner.email);
    const conversation = await call<{ id: string }>('POST', '/conversations', {
      channel: 'email',
      subject: 'Refund for order 1042',
      customer: { email: 'refund@example.test' },
      assigneeId: me?.id,
    });
    const bell = page.getByTestId('notification-bell');
    await page.getByTestId('language-ja').click();
    // The bell asks again when the window regains focus; a reload stands in for that here.
    await expect
      .poll(
        async () => {
          await page.reload();
          await bell.waitFor();
          return (await page.getByTestId('notification-count').textContent())?.trim();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe('1');
    await bell.click();
    const item = page.getByTestId('notification-item');
    await item.first().waitFor();
    expect(await item.first().textContent()).toContain('「Refund for order 1042」があなたに割り当てられました');
    await screenshot(page, 'ja-notifications');
    await item.first().getByRole('button').first().click();
    await page.waitForURL(`**/inbox/${conversation.id}`);
    await expect.poll(async () => (await page.getByTestId('notification-count').textContent())?.trim()).toBe('');

    await page.getByTestId('language-en').click();
    await bell.click();
    await item.first().waitFor();
    expect(await item.first().textContent()).toContain('“Refund for order 1042” was assigned to you');
    await screenshot(page, 'en-notifications');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByTestId('menu-notifications').click();
    await page.getByTestId('digest-enabled').click();
    await screenshot(page, 'en-notification-settings');
    await page.getByTestId('digest-save').click();
    await page.getByTestId('digest-save').waitFor({ state: 'detached' });
    expect(await getPreferences(server.app.db, server.workspaceId, me?.id ?? '')).toMatchObject({
      dailyDigest: true,
      digestHour: 9,
    });
    await page.getByTestId('language-ja').click();
    await page.getByRole('button', { name: 'アカウント' }).click();
    await page.getByTestId('menu-notifications').click();
    await page.getByTestId('digest-hour').waitFor();
    await screenshot(page, 'ja-notification-settings');
  });
});
