import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInsights } from '../support/insights.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildWebApp, launchBrowser, screenshot } from './support.ts';

describe('Koe Insights in the web app', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let answered = 0;

  beforeAll(async () => {
    await buildWebApp();
    server = await startTestServer();
    // A week of demo conversations; the first 10 resolved ones get a CSAT answer.
    ({ answered } = await seedInsights(server, { days: 7, conversations: 20, maxAnswers: 10 }));
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the CSAT card with its n and opens the responses behind it', async () => {
    expect(answered).toBe(10);
    await page.goto(`${server.url}/insights`);
    await page.getByTestId('login-email').fill(server.owner.email);
    await page.getByTestId('login-password').fill(server.owner.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-insights').waitFor();
    await page.getByTestId('language-en').click();

    const card = page.getByTestId('headline-csat');
    // Scores 5,4,5,3,4,5,2,4,5,1: seven of ten are 4–5 → CSAT 7 ÷ 10 = 70 %, n = 10.
    await expect.poll(() => card.getByTestId('headline-value').textContent()).toBe('70 %');
    expect(await card.getByTestId('headline-n').textContent()).toMatch(/^n = 10 · 95 % interval/);
    await screenshot(page, 'en-insights-overview');

    await card.getByRole('button').click();
    await page.getByTestId('drilldown-title').getByText('CSAT answers').waitFor();
    const items = page.getByTestId('drilldown-list').getByTestId('drilldown-item');
    await expect.poll(() => items.count()).toBe(10);
    expect(await items.first().getAttribute('data-kind')).toBe('response');
    expect(await items.first().getByTestId('drilldown-open-conversation').getAttribute('href')).toMatch(
      /^\/inbox\/[0-9a-f-]{36}$/,
    );
    // The negative band (1–2): the scores 2 and 1.
    await page.getByTestId('drilldown-band').getByText('Unhappy', { exact: true }).click();
    await expect.poll(() => items.count()).toBe(2);
    await screenshot(page, 'en-insights-drilldown');
  });
});
