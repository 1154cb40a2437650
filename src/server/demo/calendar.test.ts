import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openTestDatabase } from '../../../test/support/database.ts';
import type { Database } from '../db/client.ts';
import { createWorkspace } from '../modules/workspaces/service.ts';
import { DEMO_CALENDAR_NAME } from './calendar.ts';
import { generateDemo } from './generate.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

test('the demo has a default Mon–Fri 9–18 Tokyo calendar with Japanese holidays, and business durations', async () => {
  const { workspace } = await createWorkspace(database.db, {
    name: 'Demo target',
    ownerEmail: `owner-${randomUUID().slice(0, 8)}@example.test`,
    ownerName: 'Owner',
    ownerPassword: 'correct horse battery staple',
  });
  // "Today" 2026-01-20: the 30 days cover 2025 and 2026; holidays are loaded for 2025–2027.
  await generateDemo(database.db, {
    workspaceId: workspace.id,
    days: 30,
    conversations: 8,
    now: new Date('2026-01-20T03:00:00Z'),
  });
  const { rows: calendars } = await database.pool.query(
    `select c.name, c.time_zone, c.ranges, c.is_default,
            (select count(*)::int from calendar_holidays h where h.workspace_id = c.workspace_id and h.calendar_id = c.id) as holidays,
            (select count(*)::int from calendar_holidays h where h.workspace_id = c.workspace_id and h.calendar_id = c.id
               and h.day = '2026-01-12' and h.name = '成人の日') as coming_of_age
       from business_calendars c where c.workspace_id = $1`,
    [workspace.id],
  );
  // 2025: 19 days, 2026: 18 days, 2027: 17 days (dataset) → 54.
  expect(calendars).toEqual([
    {
      name: DEMO_CALENDAR_NAME,
      time_zone: 'Asia/Tokyo',
      ranges: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
      is_default: true,
      holidays: 54,
      coming_of_age: 1,
    },
  ]);
  const { rows } = await database.pool.query(
    `select count(*) filter (where first_response_at is not null)::int as responded,
            count(*) filter (where first_response_business_seconds is not null)::int as business,
            count(*) filter (where first_response_business_seconds > first_response_seconds)::int as impossible
       from conversation_cycles where workspace_id = $1`,
    [workspace.id],
  );
  expect(rows[0].responded).toBeGreaterThan(0);
  expect(rows[0]).toEqual({ responded: rows[0].responded, business: rows[0].responded, impossible: 0 });
});
