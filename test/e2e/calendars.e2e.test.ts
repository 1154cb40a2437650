import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../../src/shared/contracts/calendars.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiClient, buildWebApp, launchBrowser, screenshot } from './support.ts';

describe('business-hours calendars page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await buildWebApp();
    server = await startTestServer();
    await apiClient(server.url, server.apiKey)('POST', '/teams', { name: 'サポート一次対応 / Tier 1' });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a calendar, lists it with its hours, and loads Japanese holidays', async () => {
    await page.goto(`${server.url}/settings/calendars`);
    await page.getByTestId('login-email').fill(server.owner.email);
    await page.getByTestId('login-password').fill(server.owner.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('language-ja').click();
    await page.getByTestId('calendar-create').waitFor();
    await screenshot(page, 'ja-calendars-empty');

    await page.getByTestId('calendar-create').click();
    await page.getByTestId('calendar-name').fill('営業時間（平日）');
    await screenshot(page, 'ja-calendar-dialog');
    await page.getByTestId('calendar-default').click();
    await page.getByTestId('calendar-save').click();
    const card = page.getByTestId('calendar-card').filter({ hasText: '営業時間（平日）' });
    await card.waitFor();
    await expect.poll(() => card.getByTestId('calendar-summary').textContent()).toBe('月–金 9:00–18:00');
    await expect.poll(() => card.textContent()).toContain('既定');

    await card.getByTestId('calendar-holidays').click();
    await page.getByTestId('holidays-from-year').fill('2026');
    await page.getByTestId('holidays-to-year').fill('2026');
    await page.getByTestId('holidays-load-japan').click();
    await page.getByTestId('holiday-list').getByText('文化の日').waitFor();
    await screenshot(page, 'ja-calendar-holidays');
    await page.keyboard.press('Escape');
    // 2026: 18 days in the dataset (16 national holidays, 1 substitute, 1 citizens' holiday).
    await expect.poll(() => card.getByTestId('calendar-holidays').textContent()).toContain('18');
    await screenshot(page, 'ja-calendars');

    const call = apiClient(server.url, server.apiKey);
    const { data } = await call<{ data: Calendar[] }>('GET', '/calendars');
    expect(data).toMatchObject([{ name: '営業時間（平日）', isDefault: true, holidayCount: 18 }]);

    await page.getByTestId('language-en').click();
    await expect.poll(() => card.getByTestId('calendar-summary').textContent()).toBe('Mon–Fri 9:00–18:00');
    await screenshot(page, 'en-calendars');
    await card.getByRole('button', { name: /Edit/ }).click();
    await page.getByTestId('calendar-name').waitFor();
    await screenshot(page, 'en-calendar-dialog');
  });
});
