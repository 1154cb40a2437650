/**
 * `npm run bench`: benchmarks against a real `koe serve` child process on loopback,
 * on PGlite and (when reachable) PostgreSQL. Figures are reported as ratios to the
 * same server's /healthz in the same run, because machines are noisy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { migrateDatabase, openDatabase } from '../src/server/db/client.ts';
import { createWorkspace } from '../src/server/modules/workspaces/service.ts';
import { bundleWidget, gzip, LOADER_BUDGET } from '../src/widget/build.ts';
import { type LoadResult, runLoad } from './load.ts';
import { benchMetricsSize, describeSize, type MetricsSizeResult } from './metrics.ts';
import { answerBody, createAnswerTokens } from './public-answers.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PG_ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Invitations made ahead for the public answer benchmark: each token is answered once. */
const ANSWER_TOKENS = Number(process.env.BENCH_ANSWER_TOKENS ?? 60_000);
/** Rounds of public answers, each between two /healthz runs of the same length (BENCH_SECONDS / 2). */
const ANSWER_ROUNDS = Math.max(1, Number(process.env.BENCH_ANSWER_ROUNDS ?? 3));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

interface EngineSetup {
  name: string;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

async function pgliteSetup(): Promise<EngineSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'koe-bench-'));
  return {
    name: 'PGlite',
    env: { KOE_DATA_DIR: dir, KOE_DEMO: '0' },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresSetup(): Promise<EngineSetup | null> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `koe_bench_${process.pid}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: url.toString() },
    async cleanup() {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The triggers that note the days a write touched for the rollups (migration 0009). */
const ROLLUP_TRIGGER_TABLES = [
  'survey_responses',
  'survey_invitations',
  'messages',
  'conversation_cycles',
  'conversations',
];

async function benchEngine(setup: EngineSetup, options: { rollupTriggers: boolean } = { rollupTriggers: true }) {
  // Create the workspace before the server holds the database.
  const config = loadConfig({ ...process.env, ...setup.env, KOE_SECRET: 'bench-secret-bench-secret' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  if (!options.rollupTriggers) {
    // The baseline of what keeping rollups current costs ingestion: the same server without the day notes.
    for (const table of ROLLUP_TRIGGER_TABLES) await database.pool.query(`alter table ${table} disable trigger user`);
  }
  const { apiKey, workspace } = await createWorkspace(database.db, {
    name: 'Bench',
    ownerEmail: `bench-${Date.now()}@koe.test`,
    withApiKey: true,
  });
  const tokens = await createAnswerTokens(database, config.secret, workspace.id, ANSWER_TOKENS);
  await database.close();

  const port = await freePort();
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve'], {
    env: {
      ...process.env,
      ...setup.env,
      PORT: String(port),
      KOE_SECRET: 'bench-secret-bench-secret',
      KOE_DEMO: '0',
      // The benchmark is one address sending thousands of answers a second.
      KOE_PUBLIC_RATE_LIMIT: '100000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, child);
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    await runLoad(2, CONCURRENCY, () => fetch(`${url}/healthz`)); // warm-up
    const health = await runLoad(SECONDS, CONCURRENCY, () => fetch(`${url}/healthz`));
    const ingest = await runLoad(SECONDS, CONCURRENCY, async (worker, i) => {
      const created = await fetch(`${url}/api/v1/conversations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          channel: i % 2 ? 'chat' : 'email',
          customer: { email: `c${worker}-${i % 500}@bench.test`, name: `顧客 ${worker}-${i}` },
          subject: `ログインできません #${i}`,
          message: { body: 'パスワードを再設定してもログインできません。Please help, I cannot log in.' },
        }),
      });
      if (created.status !== 201) return created;
      const { id } = (await created.json()) as { id: string };
      return fetch(`${url}/api/v1/conversations/${id}/messages`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'reply', body: 'お問い合わせありがとうございます。確認いたします。' }),
      });
    });
    // Answers alternate with /healthz, and each round is measured against the /healthz runs either
    // side of it: a machine that slows down or speeds up during the run moves both sides of a ratio.
    // Each run lasts until the server is idle again: work a run leaves behind (the dispatch of its
    // last answers' events) counts in its own time and does not slow the next run.
    const roundSeconds = SECONDS / 2;
    const pid = child.pid ?? 0;
    const healthz = async () =>
      withDrain(pid, setup.name, await runLoad(roundSeconds, CONCURRENCY, () => fetch(`${url}/healthz`)));
    let next = 0;
    const answer = () => {
      const i = next++;
      return fetch(`${url}/api/v1/public/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: answerBody(tokens[i] ?? '', i),
      });
    };
    // Warmed up like /healthz: the first seconds of answers compile the answer path (JIT, and on
    // PGlite the engine's WebAssembly), which a running server has long done.
    await runLoad(2, CONCURRENCY, answer, tokens.length);
    await untilIdle(pid, setup.name);
    const healthRuns = [await healthz()];
    const answerRuns: (LoadResult & { drainSeconds: number })[] = [];
    // Cores busy while answers are written: the server (with PostgreSQL's processes) and this load generator.
    const busy = { server: 0, client: 0, seconds: 0 };
    for (let round = 0; round < ANSWER_ROUNDS; round++) {
      const serverBefore = totalCpu(serverPids(pid, setup.name));
      const clientBefore = process.cpuUsage();
      const answers = await runLoad(roundSeconds, CONCURRENCY, answer, Math.max(0, tokens.length - next));
      const client = process.cpuUsage(clientBefore);
      busy.server += totalCpu(serverPids(pid, setup.name)) - serverBefore;
      busy.client += (client.user + client.system) / 1e6;
      busy.seconds += answers.seconds;
      answerRuns.push(await withDrain(pid, setup.name, answers));
      healthRuns.push(await healthz());
    }
    // BENCH_VERBOSE=1: each round's rates, to tell a slow round of answers from a fast round of /healthz.
    if (process.env.BENCH_VERBOSE) {
      console.log('healthz rounds', healthRuns.map((r) => r.perSecond.toFixed(0)).join(' '));
      console.log(
        'answer rounds',
        answerRuns
          .map((r) => `${r.perSecond.toFixed(0)} (p99 ${r.p99ms.toFixed(0)} ms, drain ${r.drainSeconds.toFixed(2)} s)`)
          .join(' '),
      );
    }
    const answerRatios = answerRuns.map(
      (run, i) => run.perSecond / (((healthRuns[i]?.perSecond ?? 0) + (healthRuns[i + 1]?.perSecond ?? 0)) / 2),
    );
    return {
      health,
      ingest,
      answers: combine(answerRuns),
      answerDrain: answerRuns.reduce((sum, run) => sum + run.drainSeconds, 0) / answerRuns.length,
      answerRatios,
      answerRatio: median(answerRatios),
      answerCores: { server: busy.server / busy.seconds, client: busy.client / busy.seconds },
      healthAfter: healthRuns[healthRuns.length - 1] as LoadResult,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await setup.cleanup();
  }
}

/** CPU time a process has used, in seconds (Linux /proc; null elsewhere). */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The server and, on PostgreSQL, the database's processes: everything that works for a request. */
function serverPids(pid: number, engine: string): number[] {
  if (engine !== 'PostgreSQL') return [pid];
  const postgres = readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      return readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres';
    } catch {
      return false;
    }
  });
  return [pid, ...postgres.map(Number)];
}

const totalCpu = (pids: number[]) => pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);

/** Seconds until the server uses under a fifth of a core over 100 ms (at most 10 s; 0 where /proc is missing). */
async function untilIdle(pid: number, engine: string): Promise<number> {
  const started = performance.now();
  if (cpuSeconds(pid) === null) return 0;
  // Looked up each time: the database opens connections (processes) as the server needs them.
  const pids = serverPids(pid, engine);
  let before = totalCpu(pids);
  for (let i = 0; i < 100; i++) {
    const windowStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = totalCpu(pids);
    const busy = (after - before) / ((performance.now() - windowStart) / 1000);
    if (busy < 0.2) return (windowStart - started) / 1000;
    before = after;
  }
  return (performance.now() - started) / 1000;
}

/** A load run's figures with the time the server then needed to finish what the run left (drainSeconds). */
async function withDrain(pid: number, engine: string, run: LoadResult): Promise<LoadResult & { drainSeconds: number }> {
  const drainSeconds = await untilIdle(pid, engine);
  const seconds = run.seconds + drainSeconds;
  return { ...run, seconds, perSecond: run.requests / seconds, drainSeconds };
}

/** Load runs taken together: requests and errors summed, the slowest run's percentiles. */
function combine(runs: LoadResult[]): LoadResult {
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return {
    requests,
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    seconds,
    perSecond: seconds > 0 ? requests / seconds : 0,
    p50ms: Math.max(...runs.map((r) => r.p50ms)),
    p99ms: Math.max(...runs.map((r) => r.p99ms)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const fmt = (r: LoadResult) =>
  `${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50ms.toFixed(1)} ms  p99 ${r.p99ms.toFixed(1)} ms  (${r.requests} requests, ${r.errors} errors)`;

const results: Record<string, unknown> = {};
const widget = await bundleWidget();
const loaderGzipBytes = gzip(widget.loader).length;
console.log(
  `widget loader (widget.js)     ${loaderGzipBytes} bytes gzipped (budget ${LOADER_BUDGET}); dialog app.js ${gzip(widget.app).length} B, survey page.js ${gzip(widget.page).length} B, loaded on demand`,
);
results.widgetLoaderGzipBytes = loaderGzipBytes;
/** BENCH_ENGINES=pglite or =postgres runs one engine only (for profiling). */
const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const setups = [engines.includes('pglite') && pgliteSetup, engines.includes('postgres') && postgresSetup];
/** BENCH_HTTP=0 skips the HTTP benchmarks (to run the metrics benchmark alone). */
const httpSetups = process.env.BENCH_HTTP === '0' ? [] : setups;
for (const make of httpSetups.filter((s) => s !== false)) {
  const setup = await make();
  if (!setup) {
    console.log('PostgreSQL not reachable: skipped');
    continue;
  }
  console.log(`\n== ${setup.name}: ${SECONDS}s per test, ${CONCURRENCY} concurrent clients ==`);
  const { health, ingest, answers, answerRatios, answerRatio, answerDrain, healthAfter, answerCores } =
    await benchEngine(setup);
  // Each ingestion unit is two requests: a conversation with its first message, then a reply.
  const ratio = ingest.perSecond / health.perSecond;
  console.log(`healthz                       ${fmt(health)}`);
  console.log(`conversation + reply (units)  ${fmt(ingest)}`);
  console.log(
    `ingestion ratio to /healthz   ${ratio.toFixed(3)} (requests: ${((ingest.perSecond * 2) / health.perSecond).toFixed(3)})`,
  );
  console.log(`public answers (responses/s)  ${fmt(answers)}`);
  console.log(`healthz (after the writes)    ${fmt(healthAfter)}`);
  console.log(
    `answer ratio to /healthz      ${answerRatio.toFixed(3)} (target ≥ 0.3; median of ${answerRatios.length} rounds: ${answerRatios.map((r) => r.toFixed(3)).join(', ')}; each round against the /healthz runs either side of it; a round's time includes the ${answerDrain.toFixed(2)} s on average the server (and its database) then needed to finish the round's background work)`,
  );
  // Far below one core for the server means it waits (on the database, or for the load generator), not computes.
  console.log(
    `cores busy during answers      server${setup.name === 'PostgreSQL' ? ' + PostgreSQL' : ''} ${answerCores.server.toFixed(2)}, load generator ${answerCores.client.toFixed(2)}`,
  );
  // The same run on a fresh database without the rollup triggers: what keeping rollups current costs.
  const baselineSetup = await make();
  let rollupCost: number | null = null;
  if (baselineSetup) {
    const baseline = await benchEngine(baselineSetup, { rollupTriggers: false });
    const baselineRatio = baseline.answerRatio;
    rollupCost = 1 - answerRatio / baselineRatio;
    console.log(`public answers without rollups ${fmt(baseline.answers)}`);
    console.log(
      `rollup upkeep cost on answers   ${(rollupCost * 100).toFixed(1)} % (ratio ${answerRatio.toFixed(3)} vs ${baselineRatio.toFixed(3)} without; target ≤ 20 %)`,
    );
  }
  results[setup.name] = {
    rollupUpkeepCost: rollupCost,
    healthzPerSecond: health.perSecond,
    ingestUnitsPerSecond: ingest.perSecond,
    ratio,
    ingestErrors: ingest.errors,
    answersPerSecond: answers.perSecond,
    answerRatio,
    answerRatios,
    answerErrors: answers.errors,
    answerCores,
  };
}
/** BENCH_METRICS=0 skips the metrics benchmark (minutes on PostgreSQL at ten million responses). */
if (process.env.BENCH_METRICS !== '0') {
  const sizes = (value: string | undefined, fallback: number[]) =>
    value ? value.split(',').map((v) => Number(v)) : fallback;
  const metrics: Record<string, MetricsSizeResult[]> = {};
  if (engines.includes('pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'koe-bench-metrics-'));
    const database = await openDatabase({ dataDir: dir });
    console.log('\n== PGlite: metrics overview, rollups vs raw rows ==');
    try {
      metrics.PGlite = [];
      for (const n of sizes(process.env.BENCH_METRICS_PGLITE, [1_000_000])) {
        const result = await benchMetricsSize(database, n);
        console.log(describeSize(result));
        metrics.PGlite.push(result);
      }
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const pgSetup = engines.includes('postgres') ? await postgresSetup() : null;
  if (pgSetup) {
    console.log('\n== PostgreSQL: metrics overview, rollups vs raw rows ==');
    const database = await openDatabase({ databaseUrl: pgSetup.env.DATABASE_URL, poolSize: 2 });
    try {
      metrics.PostgreSQL = [];
      for (const n of sizes(process.env.BENCH_METRICS_POSTGRES, [1_000_000, 10_000_000])) {
        const result = await benchMetricsSize(database, n);
        console.log(describeSize(result));
        metrics.PostgreSQL.push(result);
      }
      const [small, large] = metrics.PostgreSQL;
      if (small && large) {
        console.log(
          `overview time from ${small.responses.toLocaleString('en')} to ${large.responses.toLocaleString('en')} responses: ×${(large.rollupMs / small.rollupMs).toFixed(2)} (target ≤ 1.5×)`,
        );
      }
    } finally {
      await database.close();
      await pgSetup.cleanup();
    }
  }
  results.metrics = metrics;
}
console.log(`\n${JSON.stringify(results)}`);
