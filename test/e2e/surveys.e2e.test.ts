import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as ListPage } from '../../src/shared/contracts/common.ts';
import type { Conversation } from '../../src/shared/contracts/conversations.ts';
import type { SendSurveyResult } from '../../src/shared/contracts/distribution.ts';
import type { Survey, SurveyResponse } from '../../src/shared/contracts/surveys.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiClient, buildWebApp, launchBrowser, screenshot } from './support.ts';

const COMMENT = '返信がとても早くて助かりました。';

describe('Koe surveys in the web app', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let call: ReturnType<typeof apiClient>;
  let conversation: Conversation;
  let survey: Survey;

  beforeAll(async () => {
    await buildWebApp();
    server = await startTestServer();
    call = apiClient(server.url, server.apiKey);
    conversation = await call<Conversation>('POST', '/conversations', {
      channel: 'email',
      customer: { email: 'hanako@example.jp', name: '山田 花子' },
      subject: '配送が遅れています',
      message: { body: '注文した商品がまだ届きません。' },
    });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a survey from the CSAT template and activates it', async () => {
    await page.goto(`${server.url}/feedback`);
    await page.getByTestId('login-email').fill(server.owner.email);
    await page.getByTestId('login-password').fill(server.owner.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-feedback').waitFor();
    await page.getByTestId('language-en').click();
    await page.getByText('No surveys yet').waitFor();
    await screenshot(page, 'en-feedback-surveys-empty');

    await page.getByTestId('survey-new').first().click();
    await page.getByTestId('template-csat_support').click();
    await expect.poll(() => page.getByTestId('survey-name-new').inputValue()).toBe('CSAT after support');
    await screenshot(page, 'en-feedback-new-survey');
    await page.getByTestId('survey-create').click();
    await page.getByTestId('survey-name').waitFor();
    const id = page.url().split('/feedback/surveys/')[1]?.split(/[?#]/)[0] ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByTestId('survey-status-control').getByText('Active').click();
    await page.getByTestId('unsaved').waitFor();
    await page.getByTestId('survey-save').click();
    await expect.poll(() => page.getByTestId('survey-status').textContent()).toBe('Active');
    survey = await call<Survey>('GET', `/surveys/${id}`);
    expect(survey.status).toBe('active');
    expect(survey.kind).toBe('csat');
  });

  it('shows the live preview as respondents see it, in Japanese and English, on a computer and a phone', async () => {
    const frame = page.getByTestId('survey-preview-frame');
    // Playwright reads through the preview's open shadow root.
    await page.getByTestId('preview-lang-ja').click();
    await frame.getByText('今回のサポートの対応にどの程度満足されましたか？').waitFor();
    await page.getByTestId('preview-lang-en').click();
    await frame.getByText('How satisfied were you with the support you received?').waitFor();
    expect(await frame.getByText('今回のサポート').count()).toBe(0);

    await page.getByTestId('preview-mobile').click();
    await expect.poll(() => page.locator('[data-device="mobile"]').count()).toBe(1);
    await screenshot(page, 'en-feedback-editor-preview-mobile');
    await page.getByTestId('preview-desktop').click();

    // Choosing a score and sending in the preview shows the thank-you and records nothing.
    await frame.locator('label.k-opt').nth(4).click();
    await frame.getByRole('button', { name: 'Send' }).click();
    await frame.getByText('Thank you for your feedback.').waitFor();
    const responses = await call<ListPage<SurveyResponse>>('GET', `/survey-responses?surveyId=${survey.id}`);
    expect(responses.data).toHaveLength(0);
  });

  it('says how to get responses while there are none', async () => {
    await page.getByTestId('open-summary').click();
    await page.getByTestId('summary-empty').waitFor();
    expect(await page.getByTestId('summary-empty').textContent()).toContain('No responses yet');
    await screenshot(page, 'en-feedback-summary-empty');
  });

  it('shows n=1 on the summary once someone answers through a link', async () => {
    const sent = await call<SendSurveyResult>('POST', `/surveys/${survey.id}/send`, {
      delivery: 'link',
      contactId: conversation.contactId,
      conversationId: conversation.id,
    });
    const url = sent.invitations[0]?.url ?? '';
    expect(url).toContain('/s/');
    const token = decodeURIComponent(new URL(url).pathname.split('/s/')[1] ?? '');
    const answer = await fetch(`${server.url}/api/v1/public/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, score: 5, comment: COMMENT }),
    });
    expect(answer.status).toBe(200);

    await page.reload();
    await page.getByTestId('summary-score').waitFor();
    await expect.poll(() => page.getByTestId('summary-headline').textContent()).toMatch(/^CSAT 100 % \(n=1/);
    expect(await page.getByTestId('summary-comments').textContent()).toContain(COMMENT);
    const five = page.getByTestId('summary-distribution').locator('[data-band="positive"]').first();
    expect(await five.textContent()).toContain('1');
    await screenshot(page, 'en-feedback-summary');
  });

  it('lists the response, opens it with the conversation, and shows it in the inbox and on the timeline', async () => {
    await page.getByTestId('nav-feedback').click();
    await page.getByTestId('feedback-tab-responses').click();
    const row = page.getByTestId('response-row').filter({ hasText: COMMENT });
    await row.waitFor();
    expect(await row.getByTestId('score-badge').getAttribute('data-band')).toBe('positive');

    // Comment search works in Japanese.
    await page.getByTestId('response-search').fill('早くて');
    await expect.poll(() => page.url()).toContain('q=');
    await row.waitFor();
    // The list as it is filtered, as a CSV file: the same responses, with their comments.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('responses-export').click()]);
    const exported = parse((await readFile((await file.path()) ?? '', 'utf8')).replace(/^\uFEFF/, ''), {
      columns: true,
    }) as Record<string, string>[];
    expect(exported.map((r) => [r.comment, r.score, r.survey_id])).toEqual([[COMMENT, '5', survey.id]]);
    expect(await page.getByTestId('response-row').count()).toBe(exported.length);
    await row.click();
    await page.getByTestId('response-conversation').waitFor();
    await screenshot(page, 'en-feedback-response-detail');
    await page.getByTestId('open-conversation').click();
    await expect.poll(() => page.url()).toContain(`/inbox/${conversation.id}`);
    await page.getByTestId('thread-survey-response').getByText(COMMENT).waitFor();
    await page
      .getByTestId('customer-timeline')
      .locator('[data-kind="survey_response"]')
      .getByTestId('score-badge')
      .waitFor();
  });

  it('keeps workspace throttling, segments, suppressions and the widget in Settings', async () => {
    await page.goto(`${server.url}/settings/surveys`);
    await page.getByTestId('min-gap-days').fill('5');
    await page.getByTestId('throttling-save').click();
    await expect
      .poll(async () => (await call<{ minGapDays: number }>('GET', '/settings/survey-throttling')).minGapDays)
      .toBe(5);

    await page.goto(`${server.url}/settings/segments`);
    await page.getByTestId('segment-create').first().click();
    await page.getByTestId('segment-name').fill('Customers with email');
    await page.getByTestId('segment-add-condition').click();
    await page.getByRole('menuitem', { name: 'Email address' }).click();
    await expect.poll(() => page.getByTestId('segment-preview').textContent()).toMatch(/Contacts selected now: 1/);
    await page.getByTestId('segment-save').click();
    await page.getByTestId('segment-row').filter({ hasText: 'Customers with email' }).waitFor();

    await page.goto(`${server.url}/settings/suppressions`);
    await page.getByTestId('suppression-email').fill('optout@example.jp');
    await page.getByTestId('suppression-add').click();
    await page.getByTestId('suppression-row').filter({ hasText: 'optout@example.jp' }).waitFor();

    await page.goto(`${server.url}/settings/widget`);
    await expect.poll(() => page.getByTestId('widget-snippet').textContent()).toContain('widget.js');
  });

  it('shows every new page in both languages', async () => {
    const pages: [string, string][] = [
      ['feedback-surveys', '/feedback/surveys'],
      ['feedback-editor', `/feedback/surveys/${survey.id}`],
      ['feedback-editor-distribution', `/feedback/surveys/${survey.id}?tab=distribution`],
      ['feedback-editor-frequency', `/feedback/surveys/${survey.id}?tab=throttling`],
      ['feedback-summary', `/feedback/surveys/${survey.id}/summary`],
      ['feedback-responses', '/feedback/responses'],
      ['conversation-with-survey', `/inbox/${conversation.id}?status=all`],
      ['contact-with-survey', `/customers/contacts/${conversation.contactId}`],
      ['settings-surveys', '/settings/surveys'],
      ['settings-segments', '/settings/segments'],
      ['settings-widget', '/settings/widget'],
      ['settings-outbox', '/settings/outbox'],
      ['settings-suppressions', '/settings/suppressions'],
    ];
    for (const language of ['ja', 'en'] as const) {
      await page.getByTestId(`language-${language}`).click();
      for (const [name, path] of pages) {
        await page.goto(`${server.url}${path}`);
        await page.getByTestId('nav-feedback').waitFor();
        await screenshot(page, `${language}-${name}`);
      }
    }
    // The send dialog with its result, in Japanese (the language is still English from the loop: switch).
    await page.getByTestId('language-ja').click();
    await page.goto(`${server.url}/feedback/surveys/${survey.id}/summary`);
    await page.getByRole('button', { name: '送信' }).click();
    await page.getByTestId('send-contact').fill('山田');
    await page.getByRole('option', { name: /山田 花子/ }).click();
    await page.getByTestId('send-by-link').click();
    await page.getByTestId('send-submit').click();
    await page.getByTestId('skipped-row').getByText('再送信期間内のためスキップ').waitFor();
    await screenshot(page, 'ja-feedback-send-skipped');
  });
});
