import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engine, openTestDatabase } from '../../../test/support/database.ts';
import { autoVacuumRound } from './auto-analyze.ts';
import type { Database } from './client.ts';

// The embedded engine's stand-in for autovacuum (PostgreSQL runs its own).
describe.runIf(engine() === 'pglite')('autovacuum for PGlite', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database?.close());

  // Statistics reach pg_stat_user_tables when the backend flushes them; a test asks for that at once.
  const flush = () => database.pool.query('select pg_stat_force_next_flush()');
  const deadRows = async (table: string) =>
    (
      await database.pool.query<{ dead: number }>(
        'select n_dead_tup::int as dead from pg_stat_user_tables where relname = $1',
        [table],
      )
    ).rows[0]?.dead ?? 0;

  test('a table whose rows were mostly deleted is vacuumed; one only grown is analyzed', async () => {
    await database.pool.query('create table churn (id int primary key, note text)');
    await database.pool.query('create table grown (id int primary key)');
    await database.pool.query(`insert into churn select g, 'x' from generate_series(1, 1000) g`);
    await database.pool.query('delete from churn where id > 100');
    await database.pool.query('insert into grown select g from generate_series(1, 500) g');
    await flush();
    expect(await deadRows('churn')).toBe(900);

    const round = await autoVacuumRound(database);
    expect(round.vacuumed).toContain('public.churn');
    expect(round.analyzed).toContain('public.grown');
    expect(round.vacuumed).not.toContain('public.grown');
    await flush();
    expect(await deadRows('churn')).toBe(0);
    const { rows } = await database.pool.query<{ analyzed: boolean }>(
      `select last_analyze is not null as analyzed from pg_stat_user_tables where relname = 'grown'`,
    );
    expect(rows[0]?.analyzed).toBe(true);

    // Nothing changed since: the next round has nothing to do for them.
    await flush();
    const again = await autoVacuumRound(database);
    expect([...again.vacuumed, ...again.analyzed]).not.toContain('public.churn');
    expect([...again.vacuumed, ...again.analyzed]).not.toContain('public.grown');
  });

  test('a table analyzed less than a minute ago waits, however much it grew; dead rows are vacuumed meanwhile', async () => {
    await database.pool.query('create table fast (id int primary key)');
    await database.pool.query('insert into fast select g from generate_series(1, 200) g');
    await flush();
    expect((await autoVacuumRound(database)).analyzed).toContain('public.fast');

    // Ten times the rows, and most of the old ones deleted, seconds later.
    await database.pool.query('insert into fast select g from generate_series(201, 2200) g');
    await database.pool.query('delete from fast where id <= 150');
    await flush();
    const soon = await autoVacuumRound(database);
    expect(soon.analyzed).not.toContain('public.fast');
    expect(soon.vacuumed).not.toContain('public.fast');
    await database.pool.query('delete from fast where id <= 1000');
    await flush();
    const vacuumedOnly = await autoVacuumRound(database);
    expect(vacuumedOnly.vacuumed).toContain('public.fast');
    expect(vacuumedOnly.analyzed).not.toContain('public.fast');
    expect(await deadRows('fast')).toBe(0);

    // Once the minute has passed (here: a gap of none), the statistics catch up.
    await flush();
    expect((await autoVacuumRound(database, 0)).analyzed).toContain('public.fast');
    const { rows } = await database.pool.query<{ tuples: number }>(
      `select reltuples::int as tuples from pg_class where relname = 'fast'`,
    );
    expect(rows[0]?.tuples).toBe(1200);
  });
});
