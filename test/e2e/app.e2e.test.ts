import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as ListPage } from '../../src/shared/contracts/common.ts';
import type { Conversation, Message } from '../../src/shared/contracts/conversations.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiClient, buildWebApp, chooseLanguage, launchBrowser, screenshot } from './support.ts';

const SUBJECT = '配送が遅れています';
const CUSTOMER_MESSAGE = '注文した商品がまだ届きません。いつ届きますか？';
const REPLY = 'ご不便をおかけして申し訳ございません。本日発送いたしました。';

describe('Koe web app', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let call: ReturnType<typeof apiClient>;
  let conversation: Conversation;
  let companyId: string;

  beforeAll(async () => {
    await buildWebApp();
    server = await startTestServer();
    call = apiClient(server.url, server.apiKey);
    conversation = await call<Conversation>('POST', '/conversations', {
      channel: 'email',
      customer: { email: 'hanako@example.jp', name: '山田 花子' },
      subject: SUBJECT,
      message: { body: CUSTOMER_MESSAGE },
    });
    await call('POST', '/conversations', {
      channel: 'chat',
      customer: { email: 'john@example.com', name: 'John Smith' },
      subject: 'Cannot reset my password',
      priority: 'urgent',
      message: { body: 'The reset link in the email says it has expired.\nI tried three times.' },
    });
    await call('POST', '/reply-scripts', {
      name: 'お詫び',
      shortcut: 'sorry',
      bodies: {
        ja: '{{contact.name}} 様\nご迷惑をおかけしております。',
        en: 'Hi {{contact.first_name}}, sorry for the trouble.',
      },
    });
    const company = await call<{ id: string }>('POST', '/companies', {
      name: '株式会社サンプル',
      domain: 'sample.co.jp',
      plan: 'Enterprise',
    });
    await call('PATCH', `/contacts/${conversation.contactId}`, { companyId: company.id, locale: 'ja' });
    companyId = company.id;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in, answers a conversation and shows it on the customer timeline', async () => {
    await page.goto(`${server.url}/inbox`);
    await page.getByTestId('login-email').waitFor();
    await screenshot(page, 'en-login');

    await page.getByTestId('login-email').fill(server.owner.email);
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/(incorrect|正しくありません)/);

    await page.getByTestId('login-password').fill(server.owner.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('inbox-list').waitFor();
    // Whatever the owner's saved language, start in English.
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByTestId('nav-inbox').textContent()).toContain('Inbox');

    const row = page.getByTestId('conversation-row').filter({ hasText: SUBJECT });
    await row.click();
    const pane = page.getByTestId('conversation-pane');
    await pane.getByText(CUSTOMER_MESSAGE).waitFor();
    await expect.poll(() => page.url()).toContain(`/inbox/${conversation.id}`);

    await page.getByTestId('reply-box').fill(REPLY);
    await page.getByTestId('reply-send').click();
    await pane.locator('[data-testid="message"][data-kind="reply"]').getByText(REPLY).waitFor();
    await page.getByTestId('customer-timeline').getByText(REPLY).waitFor();
    expect(await page.getByTestId('customer-timeline').getByTestId('timeline-item').count()).toBeGreaterThanOrEqual(3);

    const messages = await call<ListPage<Message>>('GET', `/conversations/${conversation.id}/messages`);
    expect(messages.data.map((m) => [m.kind, m.body])).toContainEqual(['reply', REPLY]);
    await screenshot(page, 'en-conversation');
  });

  it('adds an internal note from a "/" script and resolves with the keyboard', async () => {
    await page.getByTestId('reply-mode-note').click();
    const box = page.getByTestId('reply-box');
    await box.click();
    await box.pressSequentially('/sor');
    await page.getByTestId('script-option').filter({ hasText: 'お詫び' }).waitFor();
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toContain('山田 花子 様');
    await page.getByTestId('reply-send').click();
    const note = page.locator('[data-testid="message"][data-kind="note"]');
    await note.getByText('ご迷惑をおかけしております。').waitFor();
    expect(await note.textContent()).toContain('Internal note');

    // Shortcuts are ignored while typing; leave the reply box first.
    await page.getByTestId('reply-box').blur();
    await page.keyboard.press('e');
    await expect.poll(() => page.getByTestId('status-select').inputValue()).toBe('Resolved');
    await page
      .getByTestId('conversation-pane')
      .getByText(/Resolved by/)
      .waitFor();
    const saved = await call<Conversation>('GET', `/conversations/${conversation.id}`);
    expect(saved.status).toBe('resolved');
  });

  it('switches to Japanese at once and keeps it after a reload', async () => {
    await page.getByTestId('language-ja').click();
    await expect.poll(() => page.getByTestId('nav-inbox').textContent()).toContain('受信箱');
    expect(await page.getByTestId('nav-customers').textContent()).toContain('顧客');
    await page.reload();
    await page.getByTestId('nav-settings').waitFor();
    await expect.poll(() => page.getByTestId('nav-settings').textContent()).toContain('設定');
  });

  it('keeps a language chosen just before a reload that cut its save short, and saves it then', async () => {
    // The profile save of the choice is held until the page reloads: as when a person reloads at once.
    let held: Route | null = null;
    await page.route('**/api/v1/me', async (route) => {
      if (route.request().method() === 'PATCH' && !held) held = route;
      else await route.continue();
    });
    await page.getByTestId('language-en').click();
    await expect.poll(() => held !== null).toBe(true);
    await page.reload();
    await (held as Route | null)?.abort().catch(() => undefined);
    await page.getByTestId('nav-settings').waitFor();

    const profileLocale = async () =>
      ((await (await page.request.get(`${server.url}/api/v1/me`)).json()) as { user: { locale: string } }).user.locale;
    await expect.poll(profileLocale).toBe('en');
    await expect.poll(() => page.getByTestId('nav-settings').textContent()).toContain('Settings');
    await page.unroute('**/api/v1/me');
    await chooseLanguage(page, server.url, 'ja');
  });

  it('creates an API key shown once, a team, and an invitation someone can accept', async () => {
    await page.goto(`${server.url}/settings/api-keys`);
    await page.getByTestId('api-key-name').fill('CRM sync');
    await page.getByTestId('api-key-create').click();
    const secret = (await page.getByTestId('api-key-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(page, 'ja-settings-api-key-created');
    const keyWorks = await fetch(`${server.url}/api/v1/conversations?limit=1`, {
      headers: { authorization: `Bearer ${secret.trim()}` },
    });
    expect(keyWorks.status).toBe(200);
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/settings/teams`);
    await page.getByTestId('team-create').first().click();
    await page.getByTestId('team-name').fill('サポート');
    await page.getByTestId('team-members').click();
    await page.getByRole('option', { name: 'Owner Tester' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('team-save').click();
    await page.getByTestId('team-card').filter({ hasText: 'サポート' }).waitFor();

    await page.goto(`${server.url}/settings/members`);
    await page.getByTestId('invite-email').fill('sato@example.jp');
    await page.getByTestId('invite-submit').click();
    const link = (await page.getByTestId('invite-url').textContent()) ?? '';
    expect(link).toContain('/invite?token=');
    await screenshot(page, 'ja-settings-invited');

    const invitee = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    const invitePage = await invitee.newPage();
    await invitePage.goto(link.trim());
    await invitePage.getByTestId('invite-name').fill('佐藤 次郎');
    await invitePage.getByTestId('invite-password').fill('a long enough password');
    await invitePage.getByTestId('invite-accept').click();
    await invitePage.getByTestId('inbox-list').waitFor();
    await invitee.close();
    await page.reload();
    await page.getByTestId('member-row').filter({ hasText: '佐藤 次郎' }).waitFor();
  });

  it('merges a duplicate customer into the one on screen', async () => {
    const duplicate = await call<Conversation>('POST', '/conversations', {
      channel: 'chat',
      customer: { email: 'h.yamada@example.net', name: 'やまだ はなこ' },
      subject: '領収書の宛名',
      message: { body: '領収書の宛名を会社名に変更できますか。' },
    });
    await page.goto(`${server.url}/customers/contacts/${conversation.contactId}`);
    await page.getByTestId('contact-merge').click();
    await page.getByRole('dialog').getByRole('searchbox').fill('h.yamada');
    await page.getByTestId('merge-candidate').filter({ hasText: 'やまだ はなこ' }).click();
    await screenshot(page, 'ja-contact-merge-confirm');
    await page.getByTestId('merge-confirm').click();
    await page.getByTestId('customer-timeline').getByText('領収書の宛名を会社名に変更できますか。').waitFor();
    const moved = await call<Conversation>('GET', `/conversations/${duplicate.id}`);
    expect(moved.contactId).toBe(conversation.contactId);
  });

  it('explains a refused field in the language on screen', async () => {
    await page.goto(`${server.url}/customers/contacts/${conversation.contactId}`);
    await page.getByTestId('contact-edit').click();
    const dialog = page.getByRole('dialog');
    const name = dialog.getByRole('textbox').first();
    await name.fill('山'.repeat(201));
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('200 文字以内にしてください').waitFor();
    await screenshot(page, 'ja-contact-refused');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();

    // A refusal the server words itself (the name is taken), not the form's schema.
    await call('POST', '/teams', { name: '請求窓口' });
    await page.goto(`${server.url}/settings/teams`);
    await page.getByTestId('team-create').first().click();
    await page.getByTestId('team-name').fill('請求窓口');
    await page.getByTestId('team-save').click();
    await page.getByRole('dialog').getByText('同じ名前のチームがあります').waitFor();
    await screenshot(page, 'ja-team-name-taken');
    await page.keyboard.press('Escape');
  });

  it('shows every page in both languages', async () => {
    const contactId = conversation.contactId;
    const pages: [string, string][] = [
      ['inbox', '/inbox?status=all'],
      ['conversation', `/inbox/${conversation.id}?status=all`],
      ['customers', '/customers'],
      ['contact', `/customers/contacts/${contactId}`],
      ['companies', '/customers/companies'],
      ['company', `/customers/companies/${companyId}`],
      ['settings-workspace', '/settings/workspace'],
      ['settings-members', '/settings/members'],
      ['settings-teams', '/settings/teams'],
      ['settings-reply-scripts', '/settings/reply-scripts'],
      ['settings-api-keys', '/settings/api-keys'],
    ];
    for (const language of ['ja', 'en'] as const) {
      await page.getByTestId(`language-${language}`).click();
      for (const [name, path] of pages) {
        await page.goto(`${server.url}${path}`);
        await page.getByTestId('nav-inbox').waitFor();
        await screenshot(page, `${language}-${name}`);
      }
      const invite = await context.newPage();
      await invite.goto(`${server.url}/invite?token=not-a-real-token-0000`);
      await invite.getByTestId('invite-name').fill('佐藤 次郎');
      await invite.getByTestId('invite-password').fill('a long enough password');
      await invite.getByTestId('invite-accept').click();
      await expect.poll(() => invite.getByRole('alert').textContent()).toMatch(/(expired|期限)/);
      await screenshot(invite, `${language}-invite-expired`);
      await invite.close();
    }
    const loggedOut = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    const login = await loggedOut.newPage();
    await login.goto(`${server.url}/login`);
    await screenshot(login, 'ja-login');
    await loggedOut.close();
  });
});
