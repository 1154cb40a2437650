/**
 * The metrics benchmark: the Insights overview (headline figures with the previous period,
 * the daily trend, the channel breakdown and the weekday × hour heatmap of the last 30 days)
 * read from the daily rollups against the same figures computed from the raw rows, on a
 * generated history of two years, at two sizes, in one run.
 */
import { sql } from 'drizzle-orm';
import { type Database, migrateDatabase } from '../src/server/db/client.ts';
import { volumeHeatmap } from '../src/server/modules/metrics/heatmap.ts';
import { type ComputeOptions, computeMetrics } from '../src/server/modules/metrics/report.ts';
import { refreshRollups } from '../src/server/modules/metrics/rollups/refresh.ts';
import { createWorkspace } from '../src/server/modules/workspaces/service.ts';
import { generateMetricsData } from './metrics-data.ts';

const DAY_MS = 86_400_000;

/** The overview's 30 local days (Asia/Tokyo, the generated workspace's zone) up to today. */
function overviewPeriod(): { from: string; to: string } {
  const to = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  return { from: new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10), to };
}

/** One overview, as the dashboard asks for it. */
async function overview(database: Database, workspaceId: string, source: ComputeOptions['source']): Promise<void> {
  const { from, to } = overviewPeriod();
  const db = database.db;
  await computeMetrics(db, workspaceId, { from, to, compare: true }, { source });
  await computeMetrics(db, workspaceId, { from, to, by: 'day' }, { source });
  await computeMetrics(db, workspaceId, { from, to, by: 'channel' }, { source });
  await volumeHeatmap(db, workspaceId, { from, to }, { source });
}

async function medianMs(runs: number, run: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/**
 * The duration histogram rows one overview reads from the rollups (rollups/read.ts): the
 * totals' rows of the period and the previous one (compare), of the period again (by day),
 * and the channels' rows of the period (by channel, whose totals are their merge) — a count
 * that grows with days × channels, never with the number of durations.
 */
export async function histogramRowsRead(
  database: Database,
  workspaceId: string,
): Promise<{ rows: number; kilobytes: number }> {
  const { from, to } = overviewPeriod();
  const previousFrom = new Date(Date.parse(from) - 30 * DAY_MS).toISOString().slice(0, 10);
  // Each row with how many of the overview's statements read it.
  const result = await database.db.execute<{ rows: number; bytes: number }>(sql`
    with r as (
      select octet_length(d.histogram) as bytes,
             case when d.dimension = 'channel' then 1 when d.day >= ${from}::date then 2 else 1 end as reads
        from rollup_durations_daily d
       where d.workspace_id = ${workspaceId} and d.metric in ('first_response', 'resolution', 'reply')
         and ((d.dimension = 'all' and d.day between ${previousFrom}::date and ${to}::date)
           or (d.dimension = 'channel' and d.day between ${from}::date and ${to}::date)))
    select coalesce(sum(reads), 0)::int as rows, coalesce(sum(reads * bytes), 0)::float8 as bytes from r`);
  const row = result.rows[0];
  return { rows: Number(row?.rows ?? 0), kilobytes: Number(row?.bytes ?? 0) / 1024 };
}

/**
 * Median overview times from rollups (7 runs after a warm-up) and from the raw rows (3 runs;
 * one at ten million responses, where one raw overview takes minutes).
 */
export async function timeOverview(
  database: Database,
  workspaceId: string,
  responses: number,
  options: { raw?: boolean } = {},
): Promise<{ rollupMs: number; rawMs: number }> {
  await overview(database, workspaceId, 'auto');
  const rollupMs = await medianMs(7, () => overview(database, workspaceId, 'auto'));
  if (options.raw === false) return { rollupMs, rawMs: Number.NaN };
  const rawMs = await medianMs(responses >= 5_000_000 ? 1 : 3, () => overview(database, workspaceId, 'raw'));
  return { rollupMs, rawMs };
}

export interface MetricsSizeResult {
  responses: number;
  conversations: number;
  generateSeconds: number;
  rebuildSeconds: number;
  rollupMs: number;
  rawMs: number;
  speedup: number;
  histogramRows: number;
  histogramKilobytes: number;
}

const progressLine = (label: string) => {
  let last = 0;
  return (stage: string, done: number, total: number) => {
    const now = Date.now();
    if (now - last < 2000 && done < total) return;
    last = now;
    process.stderr.write(`  ${label} ${stage} ${done.toLocaleString('en')}/${total.toLocaleString('en')}\n`);
  };
};

/** Generates one workspace of `responses` responses (and a fifth as many conversations) and times its overview. */
export async function benchMetricsSize(database: Database, responses: number): Promise<MetricsSizeResult> {
  await migrateDatabase(database);
  const { workspace } = await createWorkspace(database.db, {
    name: `Metrics ${responses}`,
    ownerEmail: `metrics-${responses}-${Date.now()}@bench.koe.test`,
  });
  const conversations = Math.round(responses / 5);
  let started = performance.now();
  await generateMetricsData(
    database.db,
    workspace.id,
    { conversations, responses, days: 730, end: new Date() },
    progressLine(`${responses.toLocaleString('en')} responses:`),
  );
  const generateSeconds = (performance.now() - started) / 1000;
  if (database.engine === 'postgres') await database.pool.query('analyze');
  started = performance.now();
  await refreshRollups(database.db, workspace.id, {
    force: true,
    onProgress: (done, total) => progressLine('rollups:')('days', done, total),
  });
  const rebuildSeconds = (performance.now() - started) / 1000;
  // What autovacuum does after a bulk load: statistics and the visibility map.
  if (database.engine === 'postgres') await database.pool.query('vacuum analyze');
  const { rollupMs, rawMs } = await timeOverview(database, workspace.id, responses);
  const read = await histogramRowsRead(database, workspace.id);
  return {
    responses,
    conversations,
    generateSeconds,
    rebuildSeconds,
    rollupMs,
    rawMs,
    speedup: rawMs / rollupMs,
    histogramRows: read.rows,
    histogramKilobytes: read.kilobytes,
  };
}

export function describeSize(r: MetricsSizeResult): string {
  return [
    `${r.responses.toLocaleString('en').padStart(11)} responses, ${r.conversations.toLocaleString('en')} conversations:`,
    `generated in ${r.generateSeconds.toFixed(0)} s, rollups rebuilt in ${r.rebuildSeconds.toFixed(1)} s;`,
    `overview ${r.rollupMs.toFixed(1)} ms from rollups vs ${r.rawMs.toFixed(0)} ms from raw rows = ${r.speedup.toFixed(1)}× (target ≥ 20×);`,
    `it read ${r.histogramRows.toLocaleString('en')} duration histogram rows (${r.histogramKilobytes.toFixed(0)} kB of histograms)`,
  ].join(' ');
}
