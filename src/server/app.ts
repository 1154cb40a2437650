import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { sqlState } from './db/retry.ts';
import { renderDocsPage } from './http/docs-page.ts';
import { buildOpenApi } from './http/openapi.ts';
import { HttpProblem } from './http/problem.ts';
import { registerPublicPages } from './http/public-pages.ts';
import { japaneseProblem } from './http/refusals-ja.ts';
import { registerRoutes } from './http/register.ts';
import { refusalLocale } from './http/validation-ja.ts';
import { registerUnsubscribePages } from './modules/email/unsubscribe-page.ts';
import { apiRoutes } from './routes.ts';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

interface FastifyError {
  statusCode?: number;
  code?: string;
  message: string;
  validation?: unknown;
}

/** The request field behind each unique index, so a conflict found by the database still names it. */
const UNIQUE_FIELDS: Record<string, string> = {
  companies_domain_key: 'body.domain',
  reply_scripts_shortcut_key: 'body.shortcut',
  teams_name_key: 'body.name',
  conversations_external_key: 'body.externalId',
  users_email_key: 'body.email',
};

function constraintOf(error: unknown): string {
  const cause = (error as { cause?: { constraint?: unknown } }).cause;
  const constraint = (error as { constraint?: unknown }).constraint ?? cause?.constraint;
  return typeof constraint === 'string' ? constraint : '';
}

function toProblem(error: FastifyError): HttpProblem {
  if (error instanceof HttpProblem) return error;
  // A unique constraint that a service did not check first (a race between two writers).
  if (sqlState(error) === '23505') {
    const field = UNIQUE_FIELDS[constraintOf(error)] ?? 'body';
    return new HttpProblem(409, 'Conflict', `${field}: already exists; reload and try again.`, [
      { field, message: 'already exists' },
    ]);
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return new HttpProblem(413, 'Payload too large', 'The request body is larger than 1 MB.');
  if (status === 415) return new HttpProblem(415, 'Unsupported media type', 'Send the body as application/json.');
  if (status === 429) return new HttpProblem(429, 'Too many requests', 'Slow down and retry in a minute.');
  if (status >= 400 && status < 500) {
    const field = error.code?.includes('JSON') || error.message.includes('JSON') ? 'body' : 'request';
    return new HttpProblem(status, 'Invalid request', `${field}: ${error.message}`, [
      { field, message: error.message },
    ]);
  }
  return new HttpProblem(500, 'Internal error', 'Something went wrong on our side; it has been logged.');
}

export async function buildApp(app: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: options.logger ? { level: app.config.logLevel } : false,
    bodyLimit: 1_048_576,
    // Signed survey tokens travel in the path (/s/{token}, /api/v1/public/surveys/{token}); Fastify's default is 100.
    routerOptions: { maxParamLength: 2100 },
    trustProxy: app.config.trustProxy,
  });
  await fastify.register(fastifyCookie);
  await fastify.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(429, 'Too many requests', `Retry after ${Math.ceil(context.ttl / 1000)} s.`),
  });

  // CSV uploads (imports) reach their route as a stream: it saves and checks the file itself.
  fastify.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));

  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const english = toProblem(error);
    const problem = refusalLocale(request.headers['accept-language']) === 'ja' ? japaneseProblem(english) : english;
    if (problem.status >= 500) request.log.error(error);
    for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
    reply.code(problem.status).type('application/problem+json').send(problem.toJSON());
  });

  fastify.get('/healthz', async (_request, reply) => {
    await app.database.pool.query('select 1');
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  registerRoutes(fastify, app, apiRoutes);
  await registerUnsubscribePages(fastify, app);
  // The survey page and the widget scripts: before the web app's catch-all.
  registerPublicPages(fastify, app);

  const openApi = buildOpenApi(apiRoutes, app.config.publicUrl);
  const docsHtml = renderDocsPage(openApi);
  fastify.get('/api/openapi.json', async () => openApi);
  fastify.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsHtml));

  const webIndex = join(WEB_DIST, 'index.html');
  if (existsSync(webIndex)) {
    await fastify.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  }
  fastify.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && !path.startsWith('/api/') && existsSync(webIndex)) {
      const asset = path.slice(1);
      if (asset && existsSync(join(WEB_DIST, asset)) && !asset.includes('..')) return reply.sendFile(asset);
      return reply.sendFile('index.html');
    }
    const problem = new HttpProblem(404, 'Not found', `No route for ${request.method} ${path}.`);
    return reply.code(404).type('application/problem+json').send(problem.toJSON());
  });
  return fastify;
}
