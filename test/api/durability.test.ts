import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/server/db/client.ts';
import { lockPath } from '../../src/server/lock.ts';
import { createWorkspace } from '../../src/server/modules/workspaces/service.ts';
import type { Conversation, Message } from '../../src/shared/contracts/conversations.ts';
import type { Contact } from '../../src/shared/contracts/customers.ts';
import { engine, testDatabaseUrl } from '../support/database.ts';
import { expectStatus, uniqueEmail } from '../support/factories.ts';
import { apiClient } from '../support/http.ts';
import { type KoeProcess, startKoeProcess } from '../support/process.ts';

/**
 * "An acknowledged write is there after restart, on both engines": a real `koe serve`
 * process is killed with SIGKILL right after its 2xx answers, then started again.
 */

const running: KoeProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const koe of running) await koe.crash();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<KoeProcess> {
  const koe = await startKoeProcess(env);
  running.push(koe);
  return koe;
}

/** Creates the workspace before any server runs (nobody holds the directory yet). */
async function prepare(): Promise<{ env: Record<string, string>; apiKey: string }> {
  const databaseUrl = testDatabaseUrl();
  let env: Record<string, string>;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  if (databaseUrl) {
    env = { DATABASE_URL: databaseUrl };
    database = await openDatabase({ databaseUrl, poolSize: 1 });
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'koe-durability-'));
    dirs.push(dataDir);
    env = { DATABASE_URL: '', KOE_DATA_DIR: dataDir };
    database = await openDatabase({ dataDir });
  }
  try {
    await migrateDatabase(database);
    const created = await createWorkspace(database.db, {
      name: 'Durability',
      ownerEmail: uniqueEmail('durable'),
      ownerPassword: 'a durable password',
      withApiKey: true,
    });
    return { env, apiKey: created.apiKey ?? '' };
  } finally {
    await database.close();
  }
}

describe(`durability on ${engine()}`, () => {
  test('acknowledged writes survive kill -9 and a restart', async () => {
    const { env, apiKey } = await prepare();
    const first = await start(env);
    const api = apiClient(first.url, apiKey);

    const contacts: Contact[] = [];
    for (let i = 0; i < 10; i++) {
      contacts.push(
        expectStatus(
          await api.post<Contact>('/api/v1/contacts', { name: `顧客 ${i}`, emails: [uniqueEmail(`c${i}`)] }),
          201,
        ),
      );
    }
    const conversation = expectStatus(
      await api.post<Conversation>('/api/v1/conversations', {
        channel: 'email',
        subject: '保存されるか',
        customer: { contactId: contacts[0]?.id },
        message: { body: 'first' },
      }),
      201,
    );
    // A burst of concurrent writes, every one acknowledged before the crash.
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.post<Message>(`/api/v1/conversations/${conversation.id}/messages`, {
          kind: 'customer',
          body: `burst ${i}`,
        }),
      ),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(10).fill(201));
    const last = expectStatus(
      await api.patch<Conversation>(`/api/v1/conversations/${conversation.id}`, {
        status: 'resolved',
        tags: ['durable'],
      }),
      200,
    );
    await first.crash();
    if (env.KOE_DATA_DIR) {
      // The lock of the dead process is still there; the next start must not trip over it.
      expect(JSON.parse(readFileSync(lockPath(env.KOE_DATA_DIR), 'utf8')).pid).toBe(first.child.pid);
    }

    const second = await start(env);
    const again = apiClient(second.url, apiKey);
    for (const contact of contacts) {
      expect(expectStatus(await again.get<Contact>(`/api/v1/contacts/${contact.id}`), 200)).toEqual(contact);
    }
    expect(expectStatus(await again.get<Conversation>(`/api/v1/conversations/${conversation.id}`), 200)).toEqual(last);
    const messages = expectStatus(
      await again.get<{ data: Message[] }>(`/api/v1/conversations/${conversation.id}/messages?limit=50`),
      200,
    );
    expect(messages.data.map((m) => m.body).sort()).toEqual(['first', ...burst.map((r) => r.body.body)].sort());

    // It keeps working after recovery, and a write made now survives a second crash too.
    const late = expectStatus(await again.post<Contact>('/api/v1/contacts', { name: 'after recovery' }), 201);
    await second.crash();
    const third = await start(env);
    expect((await apiClient(third.url, apiKey).get(`/api/v1/contacts/${late.id}`)).status).toBe(200);
    expect(await third.stop()).toBe(0);
    if (env.KOE_DATA_DIR) {
      // A clean stop releases the directory.
      expect(() => readFileSync(lockPath(env.KOE_DATA_DIR ?? ''), 'utf8')).toThrow();
    }
  }, 180_000);
});
