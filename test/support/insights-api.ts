import { afterAll, beforeAll } from 'vitest';
import { createTestWorkspace, type TestWorkspace } from './factories.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface InsightsApi {
  server: TestServer;
  ws: TestWorkspace;
}

/**
 * The API tests of an Insights module: one server and a fresh workspace for the file,
 * started before its tests (then `seed` fills the workspace) and closed after them.
 * Read `server` and `ws` inside the tests; they exist once the file's setup has run.
 */
export function insightsApi(seed?: (api: InsightsApi) => Promise<void>): InsightsApi {
  let server: TestServer | undefined;
  let ws: TestWorkspace | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    ws = await createTestWorkspace(server);
    await seed?.({ server, ws });
  });
  afterAll(() => server?.close());
  const started = () => {
    if (!server || !ws) throw new Error('insightsApi: read before the setup of the file ran');
    return { server, ws };
  };
  return {
    get server() {
      return started().server;
    },
    get ws() {
      return started().ws;
    },
  };
}
