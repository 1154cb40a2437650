import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/client.ts';
import { contactCountFor, planCompanies, planContacts } from '../server/demo/customers.ts';
import { planConversations } from '../server/demo/plan.ts';
import { createRandom } from '../server/demo/random.ts';
import { CHANNELS } from '../shared/contracts/conversations.ts';
import { koeEnv, parseJsonLine, removeDir, runKoe, tempDataDir } from './testing.ts';

const NOW = new Date('2026-03-02T03:00:00Z');

function plan(seed: string, count: number) {
  const random = createRandom(seed);
  const companies = planCompanies(random.fork('companies'));
  const contacts = planContacts(
    random.fork('contacts'),
    companies,
    contactCountFor(count),
    new Date(NOW.getTime() - 30 * 86_400_000),
  );
  return {
    companies,
    contacts,
    conversations: planConversations(random.fork('conversations'), { count, days: 30, now: NOW, contacts, companies }),
  };
}

describe('demo plan', () => {
  it('is the same for the same seed and different for another', () => {
    const a = plan('same', 120);
    const b = plan('same', 120);
    expect(b).toEqual(a);
    const other = plan('other', 120);
    expect(other.conversations.map((c) => c.subject)).not.toEqual(a.conversations.map((c) => c.subject));
  });

  it('is bilingual, on every channel, in the past, with agents answering in the customer language', () => {
    const { conversations, contacts } = plan('koe', 400);
    const japanese = conversations.filter((c) => c.language === 'ja').length / conversations.length;
    expect(japanese).toBeGreaterThan(0.62);
    expect(japanese).toBeLessThan(0.78);
    expect(contacts.length).toBeGreaterThanOrEqual(150);
    expect(new Set(conversations.map((c) => c.channel))).toEqual(new Set(CHANNELS));
    for (const conversation of conversations) {
      expect(conversation.createdAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(conversation.createdAt.getTime()).toBeGreaterThan(NOW.getTime() - 31 * 86_400_000);
      const times = conversation.steps.map((s) => s.at.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(times[0] ?? Number.POSITIVE_INFINITY).toBeGreaterThan(conversation.createdAt.getTime());
      const replies = conversation.steps.filter((s) => s.kind === 'message' && s.message === 'reply');
      const japaneseText = /[\u3040-\u30ff]/;
      for (const reply of replies) {
        if (reply.kind === 'message') expect(japaneseText.test(reply.body)).toBe(conversation.language === 'ja');
      }
    }
  });
});

async function subjects(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ dataDir });
  try {
    const result = await database.pool.query<{ subject: string }>(
      'select subject from conversations order by created_at, subject',
    );
    return result.rows.map((r) => r.subject);
  } finally {
    await database.close();
  }
}

describe('koe demo', () => {
  const dirs = [tempDataDir(), tempDataDir()];
  afterAll(() => {
    for (const dir of dirs) removeDir(dir);
  });

  it('builds the same demo from the same seed, reporting progress on stderr', async () => {
    const args = [
      'demo',
      '--conversations',
      '30',
      '--days',
      '14',
      '--seed',
      'vitest',
      '--now',
      NOW.toISOString(),
      '--json',
    ];
    const runs = await Promise.all(dirs.map((dir) => runKoe(args, koeEnv(dir))));
    const results = runs.map((run) => {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('demo conversations: 30/30 (100%)');
      const { workspaceId, seconds, ...rest } = parseJsonLine(run.stdout);
      expect(workspaceId).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof seconds).toBe('number');
      return rest;
    });
    expect(results[0]).toMatchObject({
      conversations: 30,
      companies: 32,
      contacts: 150,
      login: { email: 'owner@demo.koe.test', password: 'koe-demo-2026' },
    });
    expect(results[1]).toEqual(results[0]);
    const [first, second] = await Promise.all(dirs.map((dir) => subjects(dir)));
    expect(first).toHaveLength(30);
    expect(second).toEqual(first);
  }, 60_000);

  it('names the flag of a bad value', async () => {
    const run = await runKoe(['demo', '--days', 'lots'], koeEnv(dirs[0] ?? ''));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--days must be a whole number');
  });
});
