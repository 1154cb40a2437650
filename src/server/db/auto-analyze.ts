import type { Database } from './client.ts';

/** Tables past autovacuum's default thresholds: vacuum at 50 + 20 % dead rows, analyze at 50 + 10 % changed. */
const DUE = `select format('%I.%I', schemaname, relname) as name,
    n_dead_tup > 50 + 0.2 * n_live_tup as vacuum,
    n_mod_since_analyze > 50 + 0.1 * n_live_tup as analyze
  from pg_stat_user_tables
  where n_dead_tup > 50 + 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup`;

/**
 * One round of what autovacuum does, for the embedded engine: VACUUM (ANALYZE) for tables
 * with many dead rows, ANALYZE for tables changed a lot since their last statistics.
 * Returns the tables it vacuumed and analyzed.
 */
export async function autoVacuumRound(database: Database): Promise<{ vacuumed: string[]; analyzed: string[] }> {
  const { rows } = await database.pool.query<{ name: string; vacuum: boolean; analyze: boolean }>(DUE);
  const vacuumed = rows.filter((r) => r.vacuum).map((r) => r.name);
  const analyzed = rows.filter((r) => r.analyze && !r.vacuum).map((r) => r.name);
  if (vacuumed.length > 0) await database.pool.query(`vacuum (analyze) ${vacuumed.join(', ')}`);
  if (analyzed.length > 0) await database.pool.query(`analyze ${analyzed.join(', ')}`);
  return { vacuumed, analyzed };
}

/**
 * PGlite has no autovacuum. Without ANALYZE, statistics never refresh and plans made
 * while a table was small keep their shape as it grows: the foreign-key check behind every
 * survey answer kept scanning survey_responses whole (0.2 ms a row at 2 000 responses,
 * 14× slower than after ANALYZE). Without VACUUM, tables that are written and deleted
 * all day (the event queue, invitations marked answered) keep every dead row, and scans
 * of them slow down for ever: deleting a batch from the event queue took 10 ms after
 * 16 000 answers. Every interval this runs a round of autovacuum's work (thresholds as
 * PostgreSQL's defaults).
 */
export function startAutoAnalyze(database: Database, intervalMs = 5_000): () => void {
  if (database.engine !== 'pglite') return () => undefined;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await autoVacuumRound(database);
    } catch {
      // Closing, or busy: the next round tries again.
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
