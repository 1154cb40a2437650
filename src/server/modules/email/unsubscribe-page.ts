import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { escapeHtml } from '../../lib/html.ts';
import { type UnsubscribeTarget, unsubscribe, unsubscribeTarget } from './unsubscribe.ts';

/** Shows enough of the address to recognise it, not all of it to whoever holds a forwarded link. */
function maskAddress(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}${'*'.repeat(Math.max(1, Math.min(6, local.length - 2)))}@${domain}`;
}

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;background:#f4f5f7;color:#1f2328;line-height:1.6}
main{max-width:32rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:8px}
h1{font-size:1.25rem;margin:0 0 .5rem}section+section{margin-top:1.5rem;padding-top:1.5rem;border-top:1px solid #d0d7de}
button{margin-top:1.5rem;font:inherit;font-weight:600;padding:.75rem 1.25rem;border:0;border-radius:6px;background:#0b57d0;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1f2328;outline-offset:2px}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

export function confirmPage(target: UnsubscribeTarget, token: string): string {
  const workspace = escapeHtml(target.workspaceName);
  const email = escapeHtml(maskAddress(target.email));
  return page(
    '配信停止の確認 / Unsubscribe',
    `<section lang="ja"><h1>アンケートメールの配信停止</h1><p>${workspace} から ${email} 宛のアンケートメールを今後お送りしないようにします。よろしければ下のボタンを押してください。</p></section>
<section lang="en"><h1>Unsubscribe from survey emails</h1><p>${workspace} will no longer send survey emails to ${email}. Press the button below to confirm.</p></section>
<form method="post" action="${escapeHtml(token)}"><button type="submit">配信を停止する / Unsubscribe</button></form>`,
  );
}

export function donePage(target: UnsubscribeTarget): string {
  const workspace = escapeHtml(target.workspaceName);
  const email = escapeHtml(maskAddress(target.email));
  return page(
    '配信を停止しました / Unsubscribed',
    `<section lang="ja"><h1>配信を停止しました</h1><p>${workspace} から ${email} 宛にアンケートメールが送られることはありません。</p></section>
<section lang="en"><h1>You are unsubscribed</h1><p>${workspace} will not send survey emails to ${email} again.</p></section>`,
  );
}

export function invalidPage(): string {
  return page(
    '無効なリンク / Invalid link',
    `<section lang="ja"><h1>このリンクは無効です</h1><p>メールに記載されたリンクをそのままお使いください。</p></section>
<section lang="en"><h1>This link is not valid</h1><p>Please use the link exactly as it appears in the email.</p></section>`,
  );
}

function send(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex')
    .header('referrer-policy', 'no-referrer')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    )
    .type('text/html; charset=utf-8')
    .send(html);
}

/**
 * GET /u/{token} asks for confirmation (so a mail scanner that opens the link changes
 * nothing); POST /u/{token} unsubscribes — from the page's button, or straight from a
 * mail client's one-click button (RFC 8058), whatever body it sends.
 */
export async function registerUnsubscribePages(fastify: FastifyInstance, app: AppContext): Promise<void> {
  const rateLimit = { max: app.config.publicRateLimit, timeWindow: '1 minute' };
  await fastify.register(async (scope) => {
    // The body (List-Unsubscribe=One-Click or an empty form) carries nothing we need.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) =>
      done(null, undefined),
    );
    scope.get<{ Params: { token: string } }>('/u/:token', { config: { rateLimit } }, async (request, reply) => {
      const target = await unsubscribeTarget(app.db, app.config.secret, request.params.token);
      return target ? send(reply, 200, confirmPage(target, request.params.token)) : send(reply, 400, invalidPage());
    });
    scope.post<{ Params: { token: string } }>('/u/:token', { config: { rateLimit } }, async (request, reply) => {
      const target = await unsubscribe(app.db, app.config.secret, request.params.token);
      return target ? send(reply, 200, donePage(target)) : send(reply, 400, invalidPage());
    });
  });
}
