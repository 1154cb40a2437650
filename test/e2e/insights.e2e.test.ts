import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATION_EXPORT_COLUMNS, RESPONSE_EXPORT_COLUMNS } from '../../src/shared/contracts/exports.ts';
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
    // A browser in UTC, a workspace in Asia/Tokyo: figures and the items behind them must agree on the hour.
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
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
    // The drawer's × button has a name a screen reader says.
    await page.getByTestId('drilldown').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.url()).not.toContain('drill=');
    await page.getByTestId('drilldown-title').waitFor({ state: 'detached' });
  });

  it('opens the conversations of a heatmap cell, as many as its tooltip counts', async () => {
    const chart = page.getByTestId('insights-heatmap-chart');
    await chart.scrollIntoViewIfNeeded();
    // The darkest cell: the busiest weekday and hour (cells are the small shaded rectangles).
    const cells = chart.locator('path');
    await expect.poll(() => cells.count()).toBeGreaterThan(10);
    // Found by its outline, which hovering does not change (the chart re-renders, so indexes do not last).
    const outline = await cells.evaluateAll((elements) => {
      let best: string | null = null;
      let lightness = Number.POSITIVE_INFINITY;
      for (const element of elements) {
        const box = element.getBoundingClientRect();
        // The computed fill is rgb(…) whether the chart wrote a hex colour or an interpolated one.
        const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(getComputedStyle(element).fill);
        if (!rgb || box.width < 10 || box.width > 100 || box.height > 60) continue;
        const sum = Number(rgb[1]) + Number(rgb[2]) + Number(rgb[3]);
        if (sum < lightness) {
          lightness = sum;
          best = element.getAttribute('d');
        }
      }
      return best;
    });
    if (!outline) throw new Error('no shaded heatmap cell');
    const cell = chart.locator(`path[d="${outline}"]`);
    await cell.hover();
    const tooltip = page.getByText(/^Conversations: \d+$/);
    await tooltip.waitFor();
    const count = Number((await tooltip.textContent())?.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    await cell.click();
    // Where the cell is drawn names its weekday and hour: columns are hours from the grid's left edge (64 px), rows weekdays from its top (8 px).
    const [x, y, width, height] = (/^M([\d.]+) ([\d.]+)l([\d.]+) 0l0 ([\d.]+)/.exec(outline) ?? [])
      .slice(1)
      .map(Number);
    const hour = Math.round(((x ?? 0) - 64) / (width ?? 1));
    const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][Math.round(((y ?? 0) - 8) / (height ?? 1))];
    await expect
      .poll(() => page.getByTestId('drilldown-title').textContent())
      .toBe(`New conversations — ${weekday} ${hour}:00–${hour + 1}:00`);
    expect(page.url()).toMatch(/drillWeekday=[1-7]&drillHour=\d+/);
    const items = page.getByTestId('drilldown-list').getByTestId('drilldown-item');
    await expect.poll(() => items.count()).toBe(count);
    // Each conversation's time is in the workspace's time zone, within the cell's hour, and the drawer says so.
    expect(await page.getByTestId('drilldown').getByText('Times in Asia/Tokyo').count()).toBe(1);
    for (const at of await items.getByTestId('drilldown-item-at').allTextContents()) {
      const [, h, half] = /(\d+):\d\d\s([AP]M)$/.exec(at) ?? [];
      expect((Number(h) % 12) + (half === 'PM' ? 12 : 0), at).toBe(hour);
    }
    await screenshot(page, 'en-insights-heatmap-drilldown');
  });

  it('reaches the heatmap by keyboard: arrow keys move between cells, Enter opens one', async () => {
    await page.getByTestId('drilldown').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('drilldown-title').waitFor({ state: 'detached' });
    const keys = page.getByTestId('insights-heatmap-chart-keys');
    expect(await keys.getAttribute('tabindex')).toBe('0');
    await keys.focus();
    // Focus starts on the busiest cell, announced with its count.
    const announced = page.locator('#insights-heatmap-chart-cell');
    const cellOf = async () => {
      const [, weekday, hour, n] =
        /^(\w+) (\d+):00–\d+:00: Conversations: (\d+)$/.exec((await announced.textContent()) ?? '') ?? [];
      return { weekday, hour: Number(hour), n: Number(n) };
    };
    await expect.poll(async () => (await cellOf()).n).toBeGreaterThan(0);
    const busiest = await cellOf();
    await page.keyboard.press(busiest.hour > 0 ? 'ArrowLeft' : 'ArrowRight');
    await expect.poll(async () => (await cellOf()).hour).toBe(busiest.hour > 0 ? busiest.hour - 1 : 1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press(busiest.hour > 0 ? 'ArrowRight' : 'ArrowLeft');
    expect(await cellOf()).toEqual(busiest);
    await screenshot(page, 'en-insights-heatmap-keyboard');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('drilldown-title').textContent())
      .toBe(`New conversations — ${busiest.weekday} ${busiest.hour}:00–${busiest.hour + 1}:00`);
    await expect.poll(() => page.getByTestId('drilldown-list').getByTestId('drilldown-item').count()).toBe(busiest.n);
  });

  it("shows a top-row cell's tooltip below the cell, inside the chart, clear of the card's hint", async () => {
    await page.getByTestId('drilldown').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('drilldown-title').waitFor({ state: 'detached' });
    const keys = page.getByTestId('insights-heatmap-chart-keys');
    await keys.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowUp');
    await expect
      .poll(async () => (await page.locator('#insights-heatmap-chart-cell').textContent()) ?? '')
      .toMatch(/^Mon /);
    const tooltip = page.locator('.koe-heatmap-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const [tip, chart] = [await tooltip.boundingBox(), await keys.boundingBox()];
    expect(tip && chart && tip.y >= chart.y + 30).toBe(true);
    await screenshot(page, 'en-insights-heatmap-top-row');
    // Leaves the drawer open, as the keyboard test did, for the next test.
    await page.keyboard.press('Enter');
    await page.getByTestId('drilldown-title').waitFor();
  });

  it('exports the responses and conversations behind the page as CSV files Excel reads', async () => {
    await page.getByTestId('drilldown').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('drilldown-title').waitFor({ state: 'detached' });
    const download = async (kind: 'responses' | 'conversations') => {
      await page.getByTestId('insights-export').click();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`insights-export-${kind}`).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(new RegExp(`^koe-${kind}.*\\.csv$`));
      const text = await readFile((await file.path()) ?? '', 'utf8');
      // A byte order mark first, so Excel reads the Japanese text as UTF-8.
      expect(text.charCodeAt(0)).toBe(0xfeff);
      return parse(text.slice(1)) as string[][];
    };
    const [responseHeader, ...responses] = await download('responses');
    expect(responseHeader).toEqual([...RESPONSE_EXPORT_COLUMNS]);
    // Ten conversations answered: CSAT for each, NPS for every second, CES for every third.
    const kinds = responses.map((row) => row[RESPONSE_EXPORT_COLUMNS.indexOf('kind')]);
    expect(kinds.filter((kind) => kind === 'csat')).toHaveLength(10);
    expect(kinds.filter((kind) => kind === 'nps')).toHaveLength(5);
    expect(responses).toHaveLength(19);
    const [conversationHeader, ...cycles] = await download('conversations');
    expect(conversationHeader).toEqual([...CONVERSATION_EXPORT_COLUMNS]);
    expect(cycles.length).toBeGreaterThanOrEqual(20);
  });
});
