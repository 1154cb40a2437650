import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';

const root = join(import.meta.dirname, '../..');
export const SCREENSHOTS = join(root, 'screenshots');

/** Build the web app the server will serve, so the test never runs against a stale bundle. */
export async function buildWebApp(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'src/web/vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A JSON API client authenticated with the workspace's API key. */
export function apiClient(baseUrl: string, apiKey: string) {
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** Screenshot after the page has settled: no skeletons, no running requests. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, {
    timeout: 10_000,
  });
  // Let transitions and toasts finish.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** A page in a 1440 × 900 window of a new browser context, in the given browser language. */
export async function newPage(browser: Browser, locale: 'ja-JP' | 'en-US' = 'ja-JP'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  return context.newPage();
}

/**
 * Picks the app's language. Signed in, the choice is saved to the profile in the background;
 * this waits until the profile has it, so a test that goes on through the API (or in another
 * browser context) sees the same language.
 */
export async function chooseLanguage(page: Page, baseUrl: string, language: 'ja' | 'en'): Promise<void> {
  await page.getByTestId(`language-${language}`).click();
  for (let i = 0; i < 100; i++) {
    const me = await page.request.get(`${baseUrl}/api/v1/me`);
    if (me.status() === 401) return; // signed out: the choice is the browser's alone
    if (((await me.json()) as { user?: { locale?: string } }).user?.locale === language) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`the profile's language did not become ${language}`);
}

/** Opens `path` of the server, logs in as its workspace's owner there, and picks the app's language. */
export async function logIn(
  page: Page,
  server: { url: string; owner: { email: string; password: string } },
  path: string,
  language: 'ja' | 'en' = 'ja',
): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByTestId('login-email').fill(server.owner.email);
  await page.getByTestId('login-password').fill(server.owner.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(`language-${language}`).waitFor();
  await chooseLanguage(page, server.url, language);
}
