import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { gzip, versionOf, WIDGET_DIST } from '../../widget/build.ts';
import type { AppContext } from '../context.ts';
import {
  browserLanguage,
  invitationLanguage,
  isSurveyToken,
  PAGE_CSP,
  pageLanguage,
  renderLinkError,
  renderSurveyPage,
  renderUnavailable,
} from '../modules/surveys/survey-page.ts';
import { HttpProblem } from './problem.ts';

interface Asset {
  body: Buffer;
  gzipped: Buffer;
  version: string;
  mtimeMs: number;
}

const ASSETS = new Set(['widget.js', 'app.js', 'page.js']);
const cache = new Map<string, Asset>();

/** A built widget file, read once (and again when a rebuild changes it), gzipped ahead of time. */
function asset(name: string): Asset | null {
  const file = join(WIDGET_DIST, name);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const cached = cache.get(name);
  if (cached?.mtimeMs === mtimeMs) return cached;
  const body = readFileSync(file);
  const fresh = { body, gzipped: gzip(body), version: versionOf(body), mtimeMs };
  cache.set(name, fresh);
  return fresh;
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, file: Asset, cacheControl: string) {
  const etag = `"${file.version}"`;
  reply
    .header('content-type', 'text/javascript; charset=utf-8')
    .header('cache-control', cacheControl)
    .header('etag', etag)
    .header('vary', 'accept-encoding')
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(file.gzipped);
  }
  return reply.send(file.body);
}

const notBuilt = () => new HttpProblem(404, 'Not found', 'The widget is not built (npm run build:widget).');

/**
 * What respondents and host pages load without logging in: the survey page
 * /s/{token}, the widget scripts, and CORS for the public API (sites embedding the
 * widget live on other origins). Registered before the web app's fallback.
 */
export function registerPublicPages(fastify: FastifyInstance, app: AppContext): void {
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/v1/public/')) reply.header('access-control-allow-origin', '*');
  });
  fastify.options('/api/v1/public/*', async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '86400')
      .send(),
  );

  // The loader's URL is fixed in every site's snippet: short cache, so a new version spreads in minutes.
  fastify.get('/widget.js', async (request, reply) => {
    const file = asset('widget.js');
    if (!file) throw notBuilt();
    return sendAsset(request, reply, file, 'public, max-age=300, stale-while-revalidate=86400');
  });
  fastify.get<{ Params: { name: string }; Querystring: { v?: string } }>('/widget/:name', async (request, reply) => {
    const file = ASSETS.has(request.params.name) ? asset(request.params.name) : null;
    if (!file) throw notBuilt();
    // ?v= is the content hash: that exact URL never changes.
    const immutable = request.query.v === file.version;
    return sendAsset(request, reply, file, immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  });

  fastify.get<{ Params: { token: string }; Querystring: { lang?: string } }>('/s/:token', async (request, reply) => {
    const { token } = request.params;
    const asked = request.query.lang ? pageLanguage(request.query.lang) : null;
    const valid = isSurveyToken(app.config.secret, token);
    const language =
      asked ??
      (valid ? await invitationLanguage(app.db, app.config.secret, token) : null) ??
      browserLanguage(request.headers['accept-language']) ??
      'ja';
    const lang = pageLanguage(language);
    const script = asset('page.js');
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', PAGE_CSP)
      .header('referrer-policy', 'no-referrer');
    if (!valid) return reply.code(404).send(renderLinkError(lang));
    if (!script) return reply.code(503).send(renderUnavailable(lang));
    return reply.send(renderSurveyPage(token, lang, `/widget/page.js?v=${script.version}`));
  });
}
