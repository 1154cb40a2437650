import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import { resolveApiKey, resolveSession } from '../modules/workspaces/auth.ts';
import { authorize } from './policies.ts';
import { badRequest, HttpProblem, unauthorized, validationProblem } from './problem.ts';
import type { Auth, RouteContext, RouteSpec } from './route.ts';
import { japaneseIssue, refusalLocale } from './validation-ja.ts';

export const SESSION_COOKIE = 'koe_session';
export const CSRF_COOKIE = 'koe_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** `/api/v1/contacts/{id}` → `/api/v1/contacts/:id` */
export const toFastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

const MAX_DEPTH = 32;

function badText(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (!text.isWellFormed()) return 'must be well-formed Unicode (no lone surrogates)';
  return null;
}

/**
 * The first value the database cannot store, with its path: a string (or key) holding
 * U+0000 or a lone surrogate, which PostgreSQL text and jsonb refuse, or nesting deeper
 * than MAX_DEPTH, which would overflow the stack when serialised. Iterative, so the
 * check itself cannot.
 */
function unstorable(root: unknown): { path: string[]; message: string } | null {
  const stack: [unknown, string[]][] = [[root, []]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [value, path] = item;
    if (typeof value === 'string') {
      const problem = badText(value);
      if (problem) return { path, message: problem };
    } else if (value && typeof value === 'object') {
      if (path.length >= MAX_DEPTH) return { path, message: `is nested deeper than ${MAX_DEPTH} levels` };
      for (const [key, child] of Object.entries(value)) {
        const problem = badText(key);
        if (problem) return { path: [...path, key], message: problem };
        stack.push([child, [...path, key]]);
      }
    }
  }
  return null;
}

function parse<T>(
  schema: z.ZodType<T> | undefined,
  value: unknown,
  location: 'body' | 'query' | 'params',
  locale: 'ja' | 'en',
): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(
    value ?? (location === 'body' ? undefined : {}),
    locale === 'ja' ? { error: japaneseIssue } : undefined,
  );
  if (!result.success) throw validationProblem(location, result.error);
  const refused = unstorable(result.data);
  if (refused) throw badRequest([location, ...refused.path].join('.'), refused.message);
  return result.data;
}

export async function authenticate(request: FastifyRequest, app: AppContext): Promise<Auth> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const auth = match?.[1] ? await resolveApiKey(app.db, match[1]) : null;
    if (!auth) throw unauthorized('The API key is unknown or revoked.');
    return auth;
  }
  const token = request.cookies[SESSION_COOKIE];
  const auth = token ? await resolveSession(app.db, token) : null;
  if (!auth) throw unauthorized();
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || sent !== auth.csrfToken) {
      throw new HttpProblem(
        403,
        'CSRF check failed',
        `Send the ${CSRF_HEADER} header with the value of the ${CSRF_COOKIE} cookie.`,
      );
    }
  }
  return auth;
}

async function run(route: RouteSpec, app: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const auth = route.auth === 'member' ? await authenticate(request, app) : null;
  if (route.auth === 'member' && auth) authorize(auth.role, route.action);
  const locale = refusalLocale(request.headers['accept-language']);
  const params = parse(route.params as z.ZodType | undefined, request.params, 'params', locale);
  const query = parse(route.query as z.ZodType | undefined, request.query, 'query', locale);
  const body = parse(route.body as z.ZodType | undefined, request.body, 'body', locale);
  const context = { params, query, body, app, request, reply };
  const handler = route.handler as (ctx: RouteContext<unknown, unknown, unknown, Auth | null>) => Promise<unknown>;
  const result = await handler({ ...context, auth });
  if (reply.sent) return reply;
  const status = route.status ?? 200;
  reply.code(status);
  return status === 204 ? reply.send() : reply.send(result);
}

function rateLimitFor(kind: 'auth' | 'public', app: AppContext) {
  return { max: kind === 'auth' ? 10 : app.config.publicRateLimit, timeWindow: '1 minute' };
}

export function registerRoutes(fastify: FastifyInstance, app: AppContext, routes: RouteSpec[]): void {
  for (const route of routes) {
    fastify.route({
      method: route.method,
      url: toFastifyPath(route.path),
      config: route.rateLimit ? { rateLimit: rateLimitFor(route.rateLimit, app) } : {},
      handler: (request, reply) => run(route, app, request, reply),
    });
  }
}
