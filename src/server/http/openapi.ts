import { z } from 'zod';
import { Problem } from '../../shared/contracts/common.ts';
import type { RouteSpec } from './route.ts';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(route: RouteSpec): JsonSchema[] {
  const result: JsonSchema[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema as z.ZodType, 'input');
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      result.push({
        name,
        in: location,
        required: location === 'path' || required.has(name),
        schema: property,
        ...(property.description ? { description: property.description } : {}),
      });
    }
  }
  return result;
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** OpenAPI 3.1, generated from the same route objects the server registers. */
export function buildOpenApi(routes: RouteSpec[], serverUrl: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const status = String(route.status ?? 200);
    const operation: JsonSchema = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      parameters: parameters(route),
      responses: {
        [status]:
          status === '204' || !route.response
            ? { description: 'Done' }
            : { description: 'OK', content: { 'application/json': { schema: toSchema(route.response, 'output') } } },
        '400': problemResponse('Invalid input; `errors` names each field'),
        ...(route.auth === 'member'
          ? { '401': problemResponse('Not authenticated'), '403': problemResponse('Role not allowed') }
          : {}),
        '404': problemResponse('Not found (also for objects of another workspace)'),
        ...(route.rateLimit ? { '429': problemResponse('Too many requests') } : {}),
      },
      ...(route.auth === 'member' ? { security: [{ apiKey: [] }, { session: [] }] } : { security: [] }),
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(route.body as z.ZodType, 'input') } },
      };
    }
    const methods = paths[route.path] ?? {};
    methods[route.method.toLowerCase()] = operation;
    paths[route.path] = methods;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Koe API',
      version: '1',
      description:
        'REST API of Koe. Authenticate with `Authorization: Bearer <API key>` (Settings → API keys) or the session cookie of the web app (then send `x-csrf-token` on writes). Lists are cursor-paginated: pass `nextCursor` back as `cursor`. Errors are RFC 9457 problem details whose `errors` name each invalid field.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Problem: toSchema(Problem, 'output') },
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: koe_…' },
        session: { type: 'apiKey', in: 'cookie', name: 'koe_session' },
      },
    },
  };
}
