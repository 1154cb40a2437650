import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/shared/contracts/conversations.ts';
import type { SlaPolicy } from '../../src/shared/contracts/sla.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiClient, buildWebApp, launchBrowser, screenshot } from './support.ts';

describe('SLA policies, the inbox badge and the SLA insights', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let call: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    await buildWebApp();
    server = await startTestServer();
    call = apiClient(server.url, server.apiKey);
    await call('POST', '/calendars', {
      name: '平日 9–18 時',
      timeZone: 'Asia/Tokyo',
      ranges: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  it('creates a policy in settings and shows the SLA badge in the inbox', async () => {
    await page.goto(`${server.url}/settings/sla`);
    await page.getByTestId('login-email').fill(server.owner.email);
    await page.getByTestId('login-password').fill(server.owner.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('language-ja').click();
    await page.getByTestId('sla-policy-create').waitFor();
    await screenshot(page, 'ja-sla-settings-empty');

    // The first policy: the default, 1 h first response, 30 min next response, 8 h resolution, calendar time.
    await page.getByTestId('sla-policy-create').click();
    await page.getByTestId('sla-policy-name').fill('標準サポート');
    await page.getByTestId('sla-policy-first-hours').fill('1');
    await page.getByTestId('sla-policy-first-minutes').fill('0');
    await page.getByTestId('sla-policy-next-hours').fill('0');
    await page.getByTestId('sla-policy-next-minutes').fill('30');
    await page.getByTestId('sla-policy-resolution-hours').fill('8');
    await page.getByTestId('sla-policy-resolution-minutes').fill('');
    await screenshot(page, 'ja-sla-policy-dialog');
    await page.getByTestId('sla-policy-save').click();
    await page.getByTestId('sla-policy-card').filter({ hasText: '標準サポート' }).waitFor();

    // A second policy with conditions: urgent or VIP-tagged conversations, in business hours.
    await page.getByTestId('sla-policy-create').click();
    await page.getByTestId('sla-policy-name').fill('VIP・緊急');
    await page.getByTestId('sla-policy-tags').click();
    await page.keyboard.type('vip');
    await page.keyboard.press('Enter');
    await page.getByTestId('sla-policy-first-hours').fill('0');
    await page.getByTestId('sla-policy-first-minutes').fill('15');
    await page.getByTestId('sla-policy-calendar').click();
    await page.getByRole('option', { name: '平日 9–18 時' }).click();
    await page.getByTestId('sla-policy-save').click();
    const cards = page.getByTestId('sla-policy-card');
    await expect.poll(() => cards.count()).toBe(2);
    // The default is tried last, whatever the order of creation.
    await expect.poll(() => cards.first().textContent()).toContain('VIP・緊急');
    await expect.poll(() => cards.last().textContent()).toContain('デフォルト');
    await screenshot(page, 'ja-sla-settings');

    const policies = await call<{ data: SlaPolicy[] }>('GET', '/sla/policies');
    expect(policies.data.map((p) => [p.name, p.isDefault, p.firstResponseSeconds, p.conditions])).toEqual([
      ['VIP・緊急', false, 900, { tags: ['vip'] }],
      ['標準サポート', true, 3600, {}],
    ]);
    expect(policies.data[1]).toMatchObject({ nextResponseSeconds: 1800, resolutionSeconds: 28_800, calendarId: null });

    // Conversations under the default: overdue (2 h ago), warned (50 min ago: warning at 48 min), fresh.
    const overdue = await call<Conversation>('POST', '/conversations', {
      channel: 'email',
      subject: '請求書がダウンロードできない',
      customer: { email: 'hanako@example.test', name: '山田 花子' },
      createdAt: ago(120),
      message: { body: '先月分の請求書が開けません。' },
    });
    await call('POST', '/conversations', {
      channel: 'chat',
      subject: 'パスワードの再設定',
      customer: { email: 'taro@example.test', name: '佐藤 太郎' },
      createdAt: ago(50),
      message: { body: 'リセットのメールが届きません。' },
    });
    await call('POST', '/conversations', {
      channel: 'email',
      subject: 'プランの変更について',
      customer: { email: 'kenji@example.test', name: '鈴木 健二' },
      message: { body: '年額プランに切り替えたいです。' },
    });

    await page.goto(`${server.url}/inbox`);
    const rows = page.getByTestId('conversation-row');
    await expect.poll(() => rows.count()).toBe(3);
    const badgeOf = (subject: string) => rows.filter({ hasText: subject }).getByTestId('sla-badge');
    await expect.poll(() => badgeOf('請求書').getAttribute('data-tone')).toBe('overdue');
    await expect.poll(() => badgeOf('請求書').textContent()).toMatch(/^1 時間( \d+ 分)? 超過$/);
    await expect.poll(() => badgeOf('パスワード').getAttribute('data-tone')).toBe('warning');
    await expect.poll(() => badgeOf('プランの変更').getAttribute('data-tone')).toBe('running');

    // "期限が近い": nearest deadline first, the overdue one on top.
    await page.getByTestId('due-soon-view').click();
    await expect.poll(() => rows.first().textContent()).toContain('請求書がダウンロードできない');
    await expect.poll(() => rows.nth(1).textContent()).toContain('パスワードの再設定');
    await screenshot(page, 'ja-inbox-due-soon');

    await page.goto(`${server.url}/inbox/${overdue.id}?due=1`);
    // Three rows, and the header's first response and resolution clocks.
    await expect.poll(() => page.getByTestId('sla-badge').count()).toBe(5);
    await screenshot(page, 'ja-inbox-sla-conversation');

    await page.getByTestId('language-en').click();
    await expect.poll(() => badgeOf('請求書').textContent()).toMatch(/^1 h( \d+ min)? overdue$/);
    const header = page.getByTestId('conversation-sla').getByTestId('sla-badge');
    await expect.poll(() => header.first().textContent()).toMatch(/^First response · 1 h( \d+ min)? overdue$/);
    await screenshot(page, 'en-inbox-sla-conversation');
    await page.goto(`${server.url}/settings/sla`);
    await page.getByTestId('sla-policy-card').first().waitFor();
    await screenshot(page, 'en-sla-settings');
    await page.getByTestId('sla-policy-card').first().getByRole('button', { name: /Edit/ }).click();
    await page.getByTestId('sla-policy-name').waitFor();
    await screenshot(page, 'en-sla-policy-dialog');
    await page.keyboard.press('Escape');
  });

  it('shows attainment, the breakdown and the missed deadlines in Insights → SLA', async () => {
    // A reply 10 min after creation meets the first response; the overdue one is answered late.
    const met = await call<Conversation>('POST', '/conversations', {
      channel: 'chat',
      subject: 'ログインできない',
      customer: { email: 'yuki@example.test', name: '高橋 由紀' },
      createdAt: ago(40),
      message: { body: 'ログイン画面が真っ白です。' },
    });
    await call('POST', `/conversations/${met.id}/messages`, {
      kind: 'reply',
      body: '確認します。',
      createdAt: ago(30),
    });
    const list = await call<{ data: Conversation[] }>('GET', '/conversations?sla=breached');
    const late = list.data[0];
    if (!late) throw new Error('no overdue conversation');
    await call('POST', `/conversations/${late.id}/messages`, { kind: 'reply', body: '遅くなり申し訳ありません。' });

    await page.goto(`${server.url}/insights/sla?period=7d`);
    await page.getByTestId('sla-attainment').waitFor();
    // First response: 1 met of 2 decided = 50 %.
    await expect
      .poll(() => page.getByTestId('sla-attainment-first_response').getByTestId('sla-attainment-value').textContent())
      .toBe('50 %');
    await page.getByTestId('sla-breaches-table').waitFor();
    await expect
      .poll(() => page.getByTestId('sla-breaches-table').textContent())
      .toContain('請求書がダウンロードできない');
    await screenshot(page, 'en-insights-sla');
    await page.getByTestId('language-ja').click();
    await expect.poll(() => page.getByTestId('sla-breaches').textContent()).toContain('期限超過の一覧');
    await screenshot(page, 'ja-insights-sla');
  });
});
