import type { Database } from './client.ts';

/**
 * PGlite has no autovacuum, so table statistics never refresh, and plans made while a
 * table was small keep their shape as it grows: the foreign-key check behind every
 * survey answer kept scanning survey_responses whole (0.2 ms a row at 2 000 responses,
 * 14× slower than after ANALYZE). This does autovacuum's analyze part for the embedded
 * engine: every interval, tables changed by more than 50 rows + 10 % since their last
 * ANALYZE (autovacuum's default threshold) are analyzed, which also replans those checks.
 */
export function startAutoAnalyze(database: Database, intervalMs = 5_000): () => void {
  if (database.engine !== 'pglite') return () => undefined;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { rows } = await database.pool.query<{ name: string }>(
        `select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables
          where n_mod_since_analyze > 50 + 0.1 * n_live_tup`,
      );
      if (rows.length > 0) await database.pool.query(`analyze ${rows.map((r) => r.name).join(', ')}`);
    } catch {
      // Closing, or busy: the next round tries again.
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
