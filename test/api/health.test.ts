import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiRoutes } from '../../src/server/routes.ts';
import { anonymousClient } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('health and API reference', () => {
  test('GET /healthz answers ok', async () => {
    const response = await anonymousClient(server.url).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  test('/api/openapi.json is OpenAPI 3.1 and lists every route with its method', async () => {
    const response = await anonymousClient(server.url).get<{
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    }>('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const documented = Object.entries(response.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const registered = apiRoutes.map((route) => `${route.method} ${route.path}`);
    expect(documented.sort()).toEqual([...new Set(registered)].sort());
    expect(registered.length).toBe(new Set(registered).size);
    const operationIds = Object.values(response.body.paths).flatMap((m) => Object.values(m).map((o) => o.operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
    for (const route of apiRoutes) {
      const operation = response.body.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.responses, `${route.method} ${route.path}`).toHaveProperty(String(route.status ?? 200));
    }
  });

  test('/api/docs is an HTML page naming every path', async () => {
    const response = await anonymousClient(server.url).get('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    for (const route of apiRoutes) expect(response.text).toContain(route.path);
  });

  test('an unknown route is a 404 problem', async () => {
    const client = anonymousClient(server.url);
    expectProblem(await client.get('/api/v1/nothing-here'), 404);
    expectProblem(await client.request('DELETE', '/api/v1/contacts'), 404);
  });
});
