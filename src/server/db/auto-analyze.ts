import type { Database } from './client.ts';

/**
 * Tables past autovacuum's default thresholds: vacuum at 50 + 20 % dead rows, analyze at 50 + 10 %
 * changed. A table analyzed before waits until `$1` milliseconds have passed since, as PostgreSQL's
 * autovacuum visits a database once a minute (autovacuum_naptime): a table that grows fast would
 * otherwise be analyzed every round. One never analyzed is analyzed at once.
 */
const DUE = `select name, "vacuum", "analyze" from (
    select format('%I.%I', schemaname, relname) as name,
      n_dead_tup > 50 + 0.2 * n_live_tup as "vacuum",
      n_mod_since_analyze > 50 + 0.1 * n_live_tup
        and coalesce(greatest(last_analyze, last_autoanalyze), '-infinity') < now() - $1 * interval '1 millisecond'
        as "analyze"
    from pg_stat_user_tables) t
  where "vacuum" or "analyze"`;

/** At most one ANALYZE of a table a minute. */
const ANALYZE_GAP_MS = 60_000;

/**
 * One round of what autovacuum does, for the embedded engine: VACUUM for tables with many
 * dead rows, ANALYZE for tables changed a lot since their last statistics (at most once per
 * `analyzeGapMs` for each). Returns the tables it vacuumed and analyzed.
 */
export async function autoVacuumRound(
  database: Database,
  analyzeGapMs = ANALYZE_GAP_MS,
): Promise<{ vacuumed: string[]; analyzed: string[] }> {
  const { rows } = await database.pool.query<{ name: string; vacuum: boolean; analyze: boolean }>(DUE, [analyzeGapMs]);
  const names = (filter: (row: (typeof rows)[number]) => boolean) => rows.filter(filter).map((r) => r.name);
  const both = names((r) => r.vacuum && r.analyze);
  const vacuumOnly = names((r) => r.vacuum && !r.analyze);
  const analyzeOnly = names((r) => r.analyze && !r.vacuum);
  if (both.length > 0) await database.pool.query(`vacuum (analyze) ${both.join(', ')}`);
  if (vacuumOnly.length > 0) await database.pool.query(`vacuum ${vacuumOnly.join(', ')}`);
  if (analyzeOnly.length > 0) await database.pool.query(`analyze ${analyzeOnly.join(', ')}`);
  return { vacuumed: [...both, ...vacuumOnly], analyzed: names((r) => r.analyze) };
}

/**
 * PGlite has no autovacuum. Without ANALYZE, statistics never refresh and plans made
 * while a table was small keep their shape as it grows: the foreign-key check behind every
 * survey answer kept scanning survey_responses whole (0.2 ms a row at 2 000 responses,
 * 14× slower than after ANALYZE). Without VACUUM, tables that are written and deleted
 * all day (the event queue, invitations marked answered) keep every dead row, and scans
 * of them slow down for ever: deleting a batch from the event queue took 10 ms after
 * 16 000 answers. Every interval this runs a round of autovacuum's work (thresholds as
 * PostgreSQL's defaults): the event queue is vacuumed every few seconds, while a table is
 * analyzed at most once a minute (every 5 s, ANALYZE of tables growing with a burst of answers
 * took 5 % of the server's time).
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
