import { createHash } from 'node:crypto';
import { messagesFor } from '../../../widget/messages.ts';
import { FORM_CSS } from '../../../widget/styles.ts';
import type { Db } from '../../db/client.ts';
import { getInvitationRow } from './invitations.ts';
import { readInvitationToken, readLinkToken } from './tokens.ts';

/**
 * The public survey page /s/{token}: a small server-rendered shell (inline CSS, one
 * script) that page.js fills from the public API. Broken links are answered here,
 * without JavaScript, in words a person understands.
 */
const PAGE_CSS = `
html{background:#f1f3f5;-webkit-text-size-adjust:100%}
body{margin:0;color:#1a1b1e;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans JP","Noto Sans CJK JP",Meiryo,sans-serif}
.k-wrap{max-width:640px;margin:0 auto;padding:20px 12px 40px}
.k-brand{margin:4px 8px 12px;min-height:1.5em;font-weight:700;font-size:.95rem;color:#495057}
.k-card{background:#fff;border-radius:16px;box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06);padding:24px 18px}
.k-card>h1{font-size:1.2rem;line-height:1.45;margin:0 0 12px}
.k-card>h1:focus{outline:none}
.k-card>p{margin:0 0 8px}
.k-card>.k-muted{margin-top:16px;font-size:.9rem;color:#495057}
.k-foot{margin-top:16px;text-align:center;font-size:.75rem;color:#6c737a}
@media (min-width:640px){.k-wrap{padding-top:56px}.k-card{padding:32px}}
`;
const CSS = (PAGE_CSS + FORM_CSS).replace(/\n/g, '');
const CSS_HASH = createHash('sha256').update(CSS).digest('base64');

/** Only the page's own script and its inline style run; nothing may frame it. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'sha256-${CSS_HASH}'`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export const pageLanguage = (language: string | null | undefined) => (language?.startsWith('ja') ? 'ja' : 'en');

/** The first of ja/en the browser prefers (Accept-Language), else Japanese. */
export function browserLanguage(acceptLanguage: string | undefined): 'ja' | 'en' | null {
  const match = /\b(ja|en)\b/i.exec(acceptLanguage ?? '');
  return match?.[1] ? pageLanguage(match[1].toLowerCase()) : null;
}

/** Whether the token is one Koe signed and that has not expired (no database needed). */
export const isSurveyToken = (secret: string, token: string) =>
  /^[A-Za-z0-9_.-]{10,2000}$/.test(token) &&
  Boolean(readInvitationToken(secret, token) ?? readLinkToken(secret, token));

/** The language the invitation was sent in; null for a shareable link (read only, records nothing). */
export async function invitationLanguage(db: Db, secret: string, token: string): Promise<string | null> {
  const payload = readInvitationToken(secret, token);
  if (!payload) return null;
  const invitation = await getInvitationRow(db, payload.w, payload.i).catch(() => null);
  return invitation?.language ?? null;
}

function shell(language: 'ja' | 'en', title: string, main: string, script?: string): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><div class="k-wrap"><p class="k-brand" id="koe-brand"></p>${main}
<p class="k-foot">Koe</p></div>${script ? `<script src="${escapeHtml(script)}" defer></script>` : ''}</body></html>`;
}

export function renderSurveyPage(token: string, language: 'ja' | 'en', scriptUrl: string): string {
  const messages = messagesFor(language);
  const noScript = language === 'ja' ? 'このページの表示には JavaScript が必要です。' : 'This page needs JavaScript.';
  const main = `<main class="k-card" id="koe-survey" data-token="${escapeHtml(token)}"><p role="status">${messages.loading}</p><noscript><p>${noScript}</p></noscript></main>`;
  return shell(language, messages.loading, main, scriptUrl);
}

/** A forged, mangled or expired link: say so in the likely language, and in the other one. */
export function renderLinkError(language: 'ja' | 'en'): string {
  const messages = messagesFor(language);
  const other = messagesFor(language === 'ja' ? 'en' : 'ja');
  const main = `<main class="k-card"><h1>${messages.invalidTitle}</h1><p>${messages.invalid}</p><p class="k-muted" lang="${language === 'ja' ? 'en' : 'ja'}">${other.invalid}</p></main>`;
  return shell(language, messages.invalidTitle, main);
}

/** When the page's script has not been built (a server started without dist/widget). */
export function renderUnavailable(language: 'ja' | 'en'): string {
  const text =
    language === 'ja'
      ? 'アンケートを表示できません。しばらくしてからもう一度お試しください。'
      : 'The survey cannot be shown right now. Please try again later.';
  return shell(language, text, `<main class="k-card"><h1>${text}</h1></main>`);
}
