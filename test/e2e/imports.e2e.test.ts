import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationLines, tempDir } from '../support/imports.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiClient, buildWebApp, launchBrowser, logIn, newPage, screenshot } from './support.ts';

describe('Settings → Import', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const dir = tempDir();

  beforeAll(async () => {
    await buildWebApp();
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    dir.remove();
  });

  it('imports a CSV of conversations with progress, then lists the rows it could not take by line and column', async () => {
    await logIn(page, server, '/settings/import');
    await page.getByTestId('import-start').waitFor();
    // Nothing to start without a file.
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    // Eight rows: five good, three refused (lines 3, 5 and 7), one kept with a note (line 6).
    const file = dir.file('helpdesk-export.csv', conversationLines(server.owner.email));
    await page.locator('input[type="file"]').setInputFiles(file);
    await screenshot(page, 'ja-import');
    await page.getByTestId('import-start').click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-created').textContent()).toContain('5');
    expect(await page.getByTestId('import-rejected').textContent()).toContain('3');
    const errors = page.getByTestId('import-errors').locator('tbody tr');
    expect(await errors.count()).toBe(3);
    expect((await errors.allTextContents()).map((row) => row.slice(0, 1))).toEqual(['3', '5', '7']);
    expect(await page.getByTestId('import-warnings').locator('tbody tr').count()).toBe(1);
    // Why, in the reader's language.
    expect(await errors.first().textContent()).toContain('のいずれかにしてください');
    expect(await page.getByTestId('import-warnings').textContent()).toContain('メンバーではありません');
    await screenshot(page, 'ja-import-done');

    // The conversations are there.
    const call = apiClient(server.url, server.apiKey);
    const list = await call<{ data: { subject: string }[] }>('GET', '/conversations?limit=50');
    expect(list.data).toHaveLength(5);

    await page.getByTestId('language-en').click();
    await page.getByText('Rows not imported').first().waitFor();
    await expect.poll(() => errors.first().textContent()).toContain('must be one of');
    expect(await page.getByTestId('import-warnings').textContent()).toContain('is not a member of this workspace');
    await screenshot(page, 'en-import-done');
    await page.getByTestId('import-again').click();
    await expect.poll(() => page.getByTestId('import-summary').count()).toBe(0);

    // A file whose header cannot be imported is explained in the reader's language, and nothing starts.
    await page.getByTestId('language-ja').click();
    const wrong = dir.file('wrong-header.csv', ['id,subject', '1,件名']);
    await page.locator('input[type="file"]').setInputFiles(wrong);
    await page.getByTestId('import-start').click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'ヘッダーに必須の列 external_id, channel, created_at がありません' })
      .waitFor();
    expect(await page.getByTestId('import-summary').count()).toBe(0);
    expect(await page.getByRole('alert').textContent()).not.toContain('body');
    await screenshot(page, 'ja-import-refused');
  });

  it("says on which line a file stops being CSV, in the reader's language, and that the rows before it are kept", async () => {
    await page.goto(`${server.url}/settings/import`);
    await page.getByTestId('import-start').waitFor();
    // Far enough into the file that the import has started: 2 000 rows (refused for their channel), then a broken quote.
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `S-${i},fax,open,normal,Fax ${i},s${i}@example.com,,,,,,2025-04-01T09:00:00+09:00,,,0,0`,
    );
    const header = conversationLines(server.owner.email)[0] ?? '';
    const broken = 'S-q,email,open,normal,"Broken" quote,q@example.com,,,,,,2025-04-01T09:00:00+09:00,,,0,0';
    await page.locator('input[type="file"]').setInputFiles(dir.file('stops.csv', [header, ...rows, broken]));
    await page.getByTestId('import-start').click();
    const alert = page.getByRole('alert').filter({ hasText: '2002 行目が CSV として読めません' });
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('止まった位置より前の行は取り込み済み');
    await screenshot(page, 'ja-import-stopped');
    await page.getByTestId('language-en').click();
    await page.getByRole('alert').filter({ hasText: 'Line 2002 is not valid CSV' }).waitFor();
    await screenshot(page, 'en-import-stopped');
    await page.getByTestId('language-ja').click();
  });
});
