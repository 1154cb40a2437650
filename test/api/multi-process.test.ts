import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '../../src/server/db/client.ts';
import { createWorkspace } from '../../src/server/modules/workspaces/service.ts';
import type { Contact } from '../../src/shared/contracts/customers.ts';
import { adminDatabaseUrl } from '../support/database.ts';
import { expectStatus, uniqueEmail } from '../support/factories.ts';
import { apiClient } from '../support/http.ts';
import { createScratchDatabase } from '../support/postgres.ts';
import { type KoeProcess, startKoeProcess } from '../support/process.ts';

/**
 * "Two koe serve processes against one PostgreSQL work side by side." Only with
 * DATABASE_URL: the embedded database belongs to one process by design (its lock).
 */
const adminUrl = adminDatabaseUrl();
const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: unknown[];
};
const running: KoeProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const koe of running) await koe.crash();
  for (const cleanup of cleanups) await cleanup();
});

describe.skipIf(!adminUrl)('two koe serve processes on one PostgreSQL (needs DATABASE_URL)', () => {
  test('both migrate an empty database at once, and a write through one is read through the other', async () => {
    // A database of its own, empty, so both processes really do migrate it at the same time.
    const scratch = await createScratchDatabase(adminUrl ?? '', '_pair');
    cleanups.push(() => scratch.drop());
    const env = { DATABASE_URL: scratch.url };
    const [one, two] = await Promise.all([startKoeProcess(env), startKoeProcess(env)]);
    running.push(one, two);
    for (const koe of [one, two]) expect(koe.output()).not.toMatch(/error/i);

    const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 1 });
    let apiKey = '';
    try {
      // Each migration applied exactly once, although two processes ran them.
      const { rows } = await database.pool.query<{ n: number }>(
        'select count(*)::int as n from drizzle.__drizzle_migrations',
      );
      expect(rows[0]?.n).toBe(journal.entries.length);
      const created = await createWorkspace(database.db, {
        name: 'Pair',
        ownerEmail: uniqueEmail('pair'),
        ownerPassword: 'a pair password',
        withApiKey: true,
      });
      apiKey = created.apiKey ?? '';
    } finally {
      await database.close();
    }

    const viaOne = apiClient(one.url, apiKey);
    const viaTwo = apiClient(two.url, apiKey);
    const written = expectStatus(
      await viaOne.post<Contact>('/api/v1/contacts', { name: '一号', emails: [uniqueEmail('one')] }),
      201,
    );
    expect(expectStatus(await viaTwo.get<Contact>(`/api/v1/contacts/${written.id}`), 200)).toEqual(written);
    const back = expectStatus(await viaTwo.patch<Contact>(`/api/v1/contacts/${written.id}`, { name: '二号' }), 200);
    expect(expectStatus(await viaOne.get<Contact>(`/api/v1/contacts/${written.id}`), 200)).toEqual(back);
    // The uniqueness of an email holds across processes.
    const clash = await viaTwo.post('/api/v1/contacts', { emails: written.emails });
    expect(clash.status).toBe(409);

    // Both stop cleanly; neither took anything the other needed.
    expect(await one.stop()).toBe(0);
    expect((await viaTwo.get(`/api/v1/contacts/${written.id}`)).status).toBe(200);
    expect(await two.stop()).toBe(0);
  }, 180_000);
});
