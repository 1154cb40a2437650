import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyInvitations, surveyResponses } from '../../src/server/db/schema/index.ts';
import { createInvitation, invitationUrl } from '../../src/server/modules/surveys/invitations.ts';
import { getSurveyRecord } from '../../src/server/modules/surveys/service.ts';
import type { Contact } from '../../src/shared/contracts/customers.ts';
import type { Survey } from '../../src/shared/contracts/surveys.ts';
import { buildWidget } from '../../src/widget/build.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiClient, launchBrowser, screenshot } from './support.ts';

/** A shop on another origin, with CSS hostile to any widget that is not isolated. */
const hostPage = (koeUrl: string, workspaceId: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Example Shop</title>
<style>
  body { font: 18px Georgia, serif; margin: 0; background: #fdf6e3; color: #222; }
  header { background: #2d2a24; color: #fff; padding: 16px 24px; font-size: 22px; }
  main { padding: 24px; }
  div, p, button, label, input, h2 { color: #c00 !important; font-size: 30px !important; border: 0 !important; }
</style></head>
<body><header>Example Shop</header>
<main><h1>Thank you for your order!</h1><p>Order #1042 is on its way.</p><button id="buy">Buy again</button></main>
<script>window.koe = window.koe || function () { (koe.q = koe.q || []).push(arguments) };</script>
<script src="${koeUrl}/widget.js" data-workspace="${workspaceId}" data-lang="ja" async></script>
</body></html>`;

describe('Survey widget and public survey page', () => {
  let server: TestServer;
  let host: Server;
  let hostUrl: string;
  let browser: Browser;
  let call: ReturnType<typeof apiClient>;
  let widgetSurvey: Survey;
  let npsSurvey: Survey;

  const invitationsOf = (surveyId: string) =>
    server.app.db
      .select()
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.workspaceId, server.workspaceId), eq(surveyInvitations.surveyId, surveyId)));
  const responsesOf = (surveyId: string) =>
    server.app.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.workspaceId, server.workspaceId), eq(surveyResponses.surveyId, surveyId)));

  /** A fresh browser context is a fresh visitor (its own localStorage visitor id). */
  async function visitor(width: number, height: number, locale = 'ja-JP'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, locale });
    return context.newPage();
  }

  async function openShop(page: Page): Promise<void> {
    const checked = page.waitForResponse((r) => r.url().endsWith('/api/v1/public/widget/check'));
    await page.goto(hostUrl);
    await checked;
  }

  async function track(page: Page, event: string) {
    const checked = page.waitForResponse((r) => r.url().endsWith('/api/v1/public/widget/check'));
    await page.evaluate((name) => (window as unknown as { koe(...a: unknown[]): void }).koe('track', name), event);
    return (await checked).json() as Promise<{ survey: unknown }>;
  }

  beforeAll(async () => {
    const built = await buildWidget();
    if (!built.built) throw new Error(built.reason);
    server = await startTestServer();
    call = apiClient(server.url, server.apiKey);
    widgetSurvey = await call<Survey>('POST', '/surveys', {
      name: 'Checkout CSAT',
      template: 'csat_support',
      status: 'active',
      settings: {
        widget: { enabled: true, triggers: [{ type: 'event', name: 'checkout_completed' }] },
        recontactDays: 30,
      },
    });
    npsSurvey = await call<Survey>('POST', '/surveys', {
      name: 'Relationship NPS',
      template: 'nps_relationship',
      status: 'active',
    });
    host = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(hostPage(server.url, server.workspaceId));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    // Another port is another origin: every widget call to Koe is cross-origin.
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/checkout/done`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await server?.close();
  });

  it('shows the survey on a custom event, stores the answer, and stays quiet within the recontact period', async () => {
    const page = await visitor(1280, 800);
    await openShop(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    // Only the loader has been fetched so far; the dialog's code comes when a survey is shown.
    const appLoaded = page.waitForResponse((r) => r.url().includes('/widget/app.js?v='));
    await track(page, 'checkout_completed');
    await appLoaded;

    await page.getByRole('dialog', { name: '今回のサポートの対応にどの程度満足されましたか？' }).waitFor();
    const dialog = page.getByRole('dialog');
    // Focus moved into the dialog, onto the scale; arrows move through the radio group.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-koe'))).toBe('survey');
    const radios = dialog.getByRole('radio');
    expect(await radios.count()).toBe(5);
    await expect
      .poll(() => radios.first().evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await dialog.getByRole('radio', { name: '4 満足' }).isChecked()).toBe(true);
    // The host page's hostile CSS does not reach into the widget.
    const color = await dialog.getByRole('button', { name: '送信する' }).evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(255, 255, 255)');
    await dialog.getByRole('textbox').fill('スムーズに購入できました');
    await screenshot(page, 'widget-ja-desktop');
    // Tab cycles inside the dialog (focus trap): from the last control back to the first.
    await dialog.getByRole('button', { name: '送信する' }).focus();
    await page.keyboard.press('Tab');
    await expect
      .poll(() =>
        dialog
          .getByRole('button', { name: '閉じる' })
          .evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
      )
      .toBe(true);

    await dialog.getByRole('button', { name: '送信する' }).click();
    await dialog.getByText('ご回答ありがとうございました').waitFor();
    await screenshot(page, 'widget-ja-thanks');
    const [response] = await responsesOf(widgetSurvey.id);
    expect(response).toMatchObject({
      score: 4,
      comment: 'スムーズに購入できました',
      delivery: 'widget',
      language: 'ja',
    });
    await dialog.getByRole('button', { name: '閉じる' }).last().click();
    expect(await page.getByRole('dialog').count()).toBe(0);

    // The same visitor, the same event, within the recontact period: nothing.
    const again = await track(page, 'checkout_completed');
    expect(again.survey).toBeNull();
    await page.waitForTimeout(300);
    expect(await page.getByRole('dialog').count()).toBe(0);
    // A reload is the same visitor too (the visitor id is kept in localStorage).
    await openShop(page);
    expect((await track(page, 'checkout_completed')).survey).toBeNull();
    expect(await responsesOf(widgetSurvey.id)).toHaveLength(1);
    await page.context().close();
  });

  it('is a bottom sheet on a phone; Esc closes it and records a dismissal', async () => {
    const page = await visitor(390, 844);
    await openShop(page);
    await track(page, 'checkout_completed');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.waitForTimeout(400); // the slide-in
    const box = await page.locator('[data-koe]').evaluate((el) => {
      const rect = el.shadowRoot?.querySelector('.k-dialog')?.getBoundingClientRect();
      return { left: rect?.left, right: rect?.right, bottom: rect?.bottom };
    });
    expect(box).toEqual({ left: 0, right: 390, bottom: 844 });
    for (const radio of await dialog.getByRole('radio').all()) {
      const size = await radio.boundingBox();
      expect(size?.width).toBeGreaterThanOrEqual(44);
      expect(size?.height).toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, 'widget-ja-mobile');
    const dismissed = page.waitForResponse((r) => r.url().endsWith('/api/v1/public/events'));
    await page.keyboard.press('Escape');
    await dismissed;
    expect(await page.getByRole('dialog').count()).toBe(0);
    const statuses = (await invitationsOf(widgetSurvey.id)).map((i) => i.status).sort();
    expect(statuses).toEqual(['answered', 'dismissed']);
    await page.context().close();
  });

  it('the survey page records nothing when a one-click link is opened, and the answer on confirm', async () => {
    const contact = await call<Contact>('POST', '/contacts', {
      name: '山田 花子',
      emails: ['hanako@example.jp'],
      locale: 'ja',
    });
    const record = await getSurveyRecord(server.app.db, server.workspaceId, npsSurvey.id);
    const { invitation } = await createInvitation(server.app.db, server.workspaceId, {
      survey: record,
      delivery: 'email',
      contactId: contact.id,
      status: 'sent',
      unthrottled: true,
    });
    const link = invitationUrl(server.app.config, invitation, 9);
    expect(link).toMatch(/\/s\/.+\?score=9$/);

    for (const [width, height, lang] of [
      [390, 844, 'ja'],
      [1280, 800, 'ja'],
      [390, 844, 'en'],
      [1280, 800, 'en'],
    ] as const) {
      const page = await visitor(width, height, lang === 'ja' ? 'ja-JP' : 'en-US');
      await page.goto(lang === 'ja' ? link : `${link}&lang=en`);
      const nine = page.getByRole('radio', { name: lang === 'ja' ? '9' : '9' });
      await nine.waitFor();
      expect(await nine.isChecked()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await screenshot(page, `survey-page-${lang}-${width < 500 ? 'mobile' : 'desktop'}`);
      if (width < 500) {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      }
      await page.context().close();
    }
    // Opening the link (four times) recorded no answer.
    expect(await responsesOf(npsSurvey.id)).toHaveLength(0);

    const page = await visitor(390, 844);
    await page.goto(link);
    await page.getByRole('radio', { name: '9' }).waitFor();
    await page.getByRole('button', { name: '送信する' }).click();
    await page.getByRole('heading', { name: /ご回答ありがとうございました/ }).waitFor();
    const [saved] = await responsesOf(npsSurvey.id);
    expect(saved).toMatchObject({ score: 9, comment: null, delivery: 'email' });

    // The comment after the score merges into the same response.
    await page.getByRole('textbox').fill('対応が早くて助かりました。');
    await page.getByRole('button', { name: 'コメントを送信' }).click();
    await page.getByText('コメントを保存しました').waitFor();
    await screenshot(page, 'survey-page-ja-thanks');
    const merged = await responsesOf(npsSurvey.id);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ score: 9, comment: '対応が早くて助かりました。' });
    await page.context().close();
  });

  it('a broken link says so in words, in both languages', async () => {
    const page = await visitor(390, 844, 'en-US');
    await page.goto(`${server.url}/s/eyJ3IjoieCJ9.bm90LWEtcmVhbC1zaWduYXR1cmUtYXQtYWxs`);
    await page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
    await page.getByText('アンケートのリンクが無効か、有効期限が切れています。').waitFor();
    await screenshot(page, 'survey-page-invalid');
    await page.context().close();
  });
});
