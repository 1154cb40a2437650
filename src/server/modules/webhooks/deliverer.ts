import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index.ts';
import { type DeliveryRow, type EndpointRow, messageIdOf, signingSecrets } from './presenters.ts';
import { type AttemptOutcome, postWebhook } from './send.ts';
import { signedHeaders } from './signature.ts';

/**
 * The webhook deliverer. Deliveries are rows (`webhook_deliveries`): status, attempts,
 * `next_attempt_at` and the log of every attempt, which the UI reads. A timer in every
 * process that does background work (koe serve, koe worker) claims due rows with
 * FOR UPDATE SKIP LOCKED, so several processes share the work without sending a row twice.
 * The claim only moves `next_attempt_at` a lease ahead and commits: no transaction stays
 * open during the HTTP call (PGlite has one connection), and a process that dies mid-send
 * leaves the row to be retried when the lease ends.
 */

export const USER_AGENT = 'Koe-Webhooks/1';
const TIMEOUT_MS = 10_000;
/** Longer than the timeout: a row whose sender died is picked up again after this. */
const LEASE_MS = 60_000;
const BATCH = 20;
const PARALLEL = 8;
/** Kept per delivery: the latest attempts (manual retries could otherwise grow it forever). */
const LOG_LIMIT = 50;
const POLL_MS = 5_000;

export interface DeliveryRunResult {
  claimed: number;
  succeeded: number;
  retrying: number;
  failed: number;
}

interface RunOptions {
  now?: Date;
  /** Only this workspace's deliveries (tests sharing one PostgreSQL database). */
  workspaceId?: string;
}

/** Seconds to wait after failed attempt number `attempts` (1-based): base × 3^(attempts − 1). */
export function retryDelaySeconds(baseSeconds: number, attempts: number): number {
  return baseSeconds * 3 ** Math.max(0, attempts - 1);
}

async function claimDue(app: AppContext, now: Date, workspaceId?: string): Promise<DeliveryRow[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const result = await app.db.execute(sql`
    with due as (
      select d.workspace_id, d.id from webhook_deliveries d
      join webhook_endpoints e on e.workspace_id = d.workspace_id and e.id = d.endpoint_id and e.enabled
      where d.status in ('pending', 'retrying') and d.next_attempt_at <= ${now.toISOString()}::timestamptz
        ${workspaceId ? sql`and d.workspace_id = ${workspaceId}` : sql``}
      order by d.next_attempt_at
      limit ${BATCH}
      for update of d skip locked
    )
    update webhook_deliveries d set next_attempt_at = ${leaseUntil}::timestamptz
    from due where d.workspace_id = due.workspace_id and d.id = due.id
    returning d.workspace_id, d.id`);
  const keys = result.rows as { workspace_id: string; id: string }[];
  if (keys.length === 0) return [];
  return app.db
    .select()
    .from(webhookDeliveries)
    .where(
      sql`(${webhookDeliveries.workspaceId}, ${webhookDeliveries.id}) in (${sql.join(
        keys.map((k) => sql`(${k.workspace_id}::uuid, ${k.id}::uuid)`),
        sql`, `,
      )})`,
    );
}

async function endpointsOf(app: AppContext, rows: DeliveryRow[]): Promise<Map<string, EndpointRow>> {
  const byWorkspace = new Map<string, string[]>();
  for (const row of rows)
    byWorkspace.set(row.workspaceId, [...(byWorkspace.get(row.workspaceId) ?? []), row.endpointId]);
  const endpoints = new Map<string, EndpointRow>();
  for (const [workspaceId, ids] of byWorkspace) {
    const found = await app.db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.workspaceId, workspaceId), inArray(webhookEndpoints.id, [...new Set(ids)])));
    for (const endpoint of found) endpoints.set(`${workspaceId}:${endpoint.id}`, endpoint);
  }
  return endpoints;
}

/** Writes one attempt's outcome: succeeded, retrying (at the next growing delay) or failed. */
async function recordAttempt(
  app: AppContext,
  row: DeliveryRow,
  attemptAt: Date,
  outcome: AttemptOutcome,
): Promise<'succeeded' | 'retrying' | 'failed' | 'gone'> {
  return app.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.workspaceId, row.workspaceId), eq(webhookDeliveries.id, row.id)))
      .for('update');
    if (!current || (current.status !== 'pending' && current.status !== 'retrying')) return 'gone';
    const attempts = current.attempts + 1;
    const finishedAt = new Date(attemptAt.getTime() + outcome.ms);
    const status = outcome.ok ? 'succeeded' : attempts >= app.config.webhookRetry.limit + 1 ? 'failed' : 'retrying';
    const entry = {
      at: attemptAt.toISOString(),
      statusCode: outcome.statusCode,
      error: outcome.error,
      ms: outcome.ms,
      response: outcome.response,
    };
    const delayMs = retryDelaySeconds(app.config.webhookRetry.baseSeconds, attempts) * 1000;
    await tx
      .update(webhookDeliveries)
      .set({
        status,
        attempts,
        lastAttemptAt: attemptAt,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        attemptLog: [...current.attemptLog, entry].slice(-LOG_LIMIT),
        nextAttemptAt: status === 'retrying' ? new Date(finishedAt.getTime() + delayMs) : null,
        deliveredAt: outcome.ok ? finishedAt : current.deliveredAt,
      })
      .where(and(eq(webhookDeliveries.workspaceId, row.workspaceId), eq(webhookDeliveries.id, row.id)));
    return status;
  });
}

async function deliverOne(app: AppContext, row: DeliveryRow, endpoint: EndpointRow | undefined) {
  const attemptAt = new Date();
  if (!endpoint) return 'gone' as const;
  const body = JSON.stringify(row.payload);
  const headers = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    ...signedHeaders(signingSecrets(endpoint, attemptAt), messageIdOf(row), attemptAt, body),
  };
  const outcome = await postWebhook(endpoint.url, headers, body, {
    allowPrivate: app.config.webhooksAllowPrivate,
    timeoutMs: TIMEOUT_MS,
  });
  return recordAttempt(app, row, attemptAt, outcome);
}

/** Claims and sends the deliveries due now, batch by batch, until none is due. */
export async function deliverDueWebhooks(app: AppContext, options: RunOptions = {}): Promise<DeliveryRunResult> {
  const result: DeliveryRunResult = { claimed: 0, succeeded: 0, retrying: 0, failed: 0 };
  for (;;) {
    const rows = await claimDue(app, options.now ?? new Date(), options.workspaceId);
    if (rows.length === 0) return result;
    result.claimed += rows.length;
    const endpoints = await endpointsOf(app, rows);
    const queue = [...rows];
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          try {
            const status = await deliverOne(app, row, endpoints.get(`${row.workspaceId}:${row.endpointId}`));
            if (status !== 'gone') result[status] += 1;
          } catch (error) {
            // The lease runs out and the row is tried again.
            app.log.error(`[webhooks] delivery ${row.id} failed: ${error instanceof Error ? error.message : error}`);
          }
        }
      }),
    );
    if (rows.length < BATCH) return result;
  }
}

/** When the next delivery falls due (null when none waits). */
async function nextDueAt(app: AppContext, workspaceId?: string): Promise<Date | null> {
  const result = await app.db.execute(sql`
    select min(d.next_attempt_at) as next from webhook_deliveries d
    join webhook_endpoints e on e.workspace_id = d.workspace_id and e.id = d.endpoint_id and e.enabled
    where d.status in ('pending', 'retrying') ${workspaceId ? sql`and d.workspace_id = ${workspaceId}` : sql``}`);
  const next = (result.rows[0] as { next: string | Date | null } | undefined)?.next;
  return next ? new Date(next) : null;
}

interface Deliverer {
  wake(): void;
  stop(): void;
}

const deliverers = new WeakMap<AppContext, Deliverer>();

/** Runs the deliverer of this process now (after a commit that queued deliveries); nothing when none runs here. */
export function wakeWebhookDeliverer(app: AppContext): void {
  deliverers.get(app)?.wake();
}

/**
 * Starts the deliverer in a process that does background work: it runs when woken, when
 * the next retry falls due (to the millisecond, so short test delays hold), and every few
 * seconds for deliveries other processes queued.
 */
export function startWebhookDeliverer(
  app: AppContext,
  options: { pollMs?: number; workspaceId?: string } = {},
): () => void {
  const pollMs = options.pollMs ?? POLL_MS;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Number.POSITIVE_INFINITY;
  let running = false;
  let again = false;
  let stopped = false;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    const at = Date.now() + Math.max(0, delayMs);
    if (timer && timerAt <= at) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timer = null;
        timerAt = Number.POSITIVE_INFINITY;
        void run();
      },
      Math.max(0, delayMs),
    );
    timer.unref();
  };

  const run = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    let next: Date | null = null;
    try {
      do {
        again = false;
        await deliverDueWebhooks(app, options.workspaceId ? { workspaceId: options.workspaceId } : {});
      } while (again && !stopped);
      next = await nextDueAt(app, options.workspaceId);
    } catch (error) {
      if (!stopped) app.log.error(`[webhooks] delivery run failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      running = false;
    }
    schedule(next ? Math.min(pollMs, next.getTime() - Date.now()) : pollMs);
  };

  const deliverer: Deliverer = {
    wake: () => schedule(0),
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (deliverers.get(app) === deliverer) deliverers.delete(app);
    },
  };
  deliverers.set(app, deliverer);
  schedule(0);
  return deliverer.stop;
}
