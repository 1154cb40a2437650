import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutomationRule } from '../../src/shared/contracts/automation.ts';
import type { Conversation } from '../../src/shared/contracts/conversations.ts';
import { dispatch } from '../support/automation.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiClient, buildWebApp, chooseLanguage, launchBrowser, screenshot } from './support.ts';

describe('automation rules page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await buildWebApp();
    server = await startTestServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a Mantine select by its test id and picks the option with this label. */
  async function choose(testId: string, label: string, nth = 0) {
    await page.getByTestId(testId).nth(nth).click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }

  it('creates a rule in the editor, and its run shows in the log after a matching conversation', async () => {
    const call = apiClient(server.url, server.apiKey);
    await page.goto(`${server.url}/settings/automation`);
    await page.getByTestId('login-email').fill(server.owner.email);
    await page.getByTestId('login-password').fill(server.owner.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('language-ja').click();
    await page.getByTestId('rule-create').waitFor();
    await screenshot(page, 'ja-automation-empty');

    // When a conversation is created, if the company's plan is Enterprise: tag VIP, priority urgent.
    await page.getByTestId('rule-create').click();
    await page.getByTestId('rule-name-input').fill('VIP振り分け');
    await page.getByTestId('add-condition-conditions').click();
    await choose('condition-field', 'プラン');
    await page.getByTestId('condition-value').fill('Enterprise');
    await page.getByTestId('action-tag').fill('VIP');
    await page.getByTestId('add-action').click();
    await page.getByTestId('add-action-set_priority').click();
    await choose('action-priority', '緊急');
    await screenshot(page, 'ja-automation-editor');
    await page.getByTestId('rule-save').click();

    const card = page.getByTestId('rule-card').filter({ hasText: 'VIP振り分け' });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('会話の作成');
    await expect.poll(() => card.textContent()).toContain('会社のプランが「Enterprise」');
    await expect.poll(() => card.textContent()).toContain('まだ実行されていません');
    const [rule] = (await call<{ data: AutomationRule[] }>('GET', '/automation/rules')).data;
    expect(rule).toMatchObject({
      name: 'VIP振り分け',
      trigger: { type: 'event', event: 'conversation.created' },
      conditions: { match: 'all', conditions: [{ field: 'company.plan', op: 'eq', value: 'Enterprise' }] },
      actions: [
        { type: 'add_tag', tag: 'VIP' },
        { type: 'set_priority', priority: 'urgent' },
      ],
    });

    // A conversation from an Enterprise customer; the dispatcher hands its events to the rules.
    const company = await call<{ id: string }>('POST', '/companies', { name: '大手商事', plan: 'Enterprise' });
    const contact = await call<{ id: string }>('POST', '/contacts', { name: '高橋 美咲', companyId: company.id });
    const conversation = await call<Conversation>('POST', '/conversations', {
      channel: 'email',
      subject: '契約更新について',
      customer: { contactId: contact.id },
    });
    await dispatch(server, server.workspaceId);
    expect(await call<Conversation>('GET', `/conversations/${conversation.id}`)).toMatchObject({
      tags: ['VIP'],
      priority: 'urgent',
    });

    await page.getByTestId('automation-tab-log').click();
    const row = page.getByTestId('run-row').filter({ hasText: 'VIP振り分け' });
    await row.waitFor();
    await expect.poll(() => row.getByTestId('run-status').textContent()).toBe('成功');
    await expect.poll(() => row.getByTestId('run-action').count()).toBe(2);
    expect(await row.locator('[data-testid="run-action"][data-ok="true"]').count()).toBe(2);
    await expect.poll(() => row.textContent()).toContain('タグ「VIP」を追加しました');
    await screenshot(page, 'ja-automation-log');

    // The list shows the last run; the inbox says the rule did it.
    await page.getByTestId('automation-tab-rules').click();
    await expect.poll(() => card.textContent()).toContain('成功');
    await screenshot(page, 'ja-automation');
    await page.goto(`${server.url}/inbox/${conversation.id}`);
    await page.getByText('ルール「VIP振り分け」により優先度が「緊急」に変更されました').waitFor();
    await page.getByText('ルール「VIP振り分け」によりタグ「VIP」が追加されました').waitFor();
    await screenshot(page, 'ja-automation-inbox');

    await chooseLanguage(page, server.url, 'en');
    await page.getByText('Priority set to “Urgent” by rule “VIP振り分け”').waitFor();
    await page.goto(`${server.url}/settings/automation`);
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('Conversation created');
    await expect.poll(() => card.textContent()).toContain('Company: Plan is “Enterprise”');
    await screenshot(page, 'en-automation');
    await card.getByTestId('rule-name').click();
    await page.getByTestId('rule-name-input').waitFor();
    await screenshot(page, 'en-automation-editor');
    await page.goto(`${server.url}/settings/automation/log`);
    await page.getByTestId('run-row').first().waitFor();
    await expect.poll(() => page.getByTestId('run-status').first().textContent()).toBe('Succeeded');
    await screenshot(page, 'en-automation-log');
  });
});
