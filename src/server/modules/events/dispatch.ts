import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { namedQuery } from '../../db/raw.ts';
import { domainEventQueue, domainEvents } from '../../db/schema/index.ts';
import type { DomainEventRow } from './emit.ts';

/** What a handler may ask for once the dispatch transaction committed (send mail, wake a delivery). */
export interface DispatchContext {
  app: AppContext;
  now: Date;
  afterCommit(task: () => Promise<void>): void;
  /**
   * A value loaded once per batch (a workspace's rules, endpoints, settings), so a burst of
   * events costs one lookup per workspace, not one per event.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * A consumer of domain events. `handle` runs inside the dispatch transaction (in its own
 * savepoint): whatever it writes commits together with the event's marking, so an event
 * is acted on exactly once. It must not call out of the process; it queues such work
 * (webhook deliveries, emails) and may register `afterCommit` tasks to speed them up.
 */
export interface EventHandler {
  name: string;
  /**
   * Whether the event concerns this handler at all, asked before a savepoint is opened for
   * it: most events concern few handlers, and a savepoint costs two round trips. Read-only;
   * may use `context.memo`.
   */
  wants?(tx: Tx, event: DomainEventRow, context: DispatchContext): boolean | Promise<boolean>;
  handle(tx: Tx, event: DomainEventRow, context: DispatchContext): Promise<void>;
}

const BATCH = 100;

/**
 * The oldest queued events, taken out of the queue and read in one statement: several
 * dispatchers (processes) each get their own (FOR UPDATE SKIP LOCKED), and the delete
 * commits with whatever the handlers write, so a dispatch that fails leaves its events
 * queued. The event itself stays, for support and replays, until pruned. Rows are
 * deleted by the physical addresses the subquery locked (an InitPlan, run once): no plan
 * to choose, however many dead rows the queue holds.
 */
const claim = (filter: string) => `with claimed as (
    delete from domain_event_queue
     where ctid = any(array(select q.ctid from domain_event_queue q ${filter} order by q.id limit ${BATCH}
                            for update skip locked))
    returning workspace_id, id)
  select e.workspace_id, e.id, e.type, e.conversation_id, e.contact_id, e.subject_id,
    e.data, e.origin_rule_id, e.actor_type, e.actor_id, e.occurred_at
  from claimed c
  join domain_events e on e.workspace_id = c.workspace_id and e.id = c.id
  order by e.id`;
const CLAIM = claim('');
const CLAIM_WORKSPACE = claim('where q.workspace_id = $1');

export interface DispatchResult {
  events: number;
  failures: number;
}

/**
 * Dispatches pending domain events, oldest first, batch by batch until none are left
 * (events emitted by handlers are picked up by the next batch) or `maxBatches` ran.
 * Several processes may dispatch at once: rows are claimed with FOR UPDATE SKIP LOCKED.
 * A failing handler is logged and skipped for that event; the others still run.
 */
export async function dispatchPendingEvents(
  app: AppContext,
  handlers: readonly EventHandler[],
  /** `workspaceId`: only that workspace's events (tests sharing one PostgreSQL database use it). */
  options: { now?: Date; maxBatches?: number; workspaceId?: string } = {},
): Promise<DispatchResult> {
  const result: DispatchResult = { events: 0, failures: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const now = options.now ?? new Date();
    const tasks: (() => Promise<void>)[] = [];
    const memos = new Map<string, Promise<unknown>>();
    const context: DispatchContext = {
      app,
      now,
      afterCommit: (task) => tasks.push(task),
      memo: <T>(key: string, load: () => Promise<T>) => {
        let value = memos.get(key) as Promise<T> | undefined;
        if (!value) {
          value = load();
          memos.set(key, value);
        }
        return value;
      },
    };
    const count = await app.db.transaction(async (tx) => {
      const rows = options.workspaceId
        ? await namedQuery<Record<string, unknown>>(tx, 'koe_events_take_workspace', CLAIM_WORKSPACE, [
            options.workspaceId,
          ])
        : await namedQuery<Record<string, unknown>>(tx, 'koe_events_take', CLAIM, []);
      if (rows.length === 0) return 0;
      for (const raw of rows) {
        const event = toRow(raw);
        for (const handler of handlers) {
          if (handler.wants && !(await handler.wants(tx, event, context))) continue;
          try {
            await tx.transaction((sp) => handler.handle(sp, event, context));
          } catch (error) {
            result.failures += 1;
            app.log.error(
              `[events] ${handler.name} failed on ${event.type} ${event.id}: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        }
      }
      return rows.length;
    });
    result.events += count;
    for (const task of tasks) {
      await task().catch((error: unknown) =>
        app.log.error(`[events] after-commit task failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    if (count < BATCH) break;
  }
  return result;
}

/** Takes a workspace's queued events out of the queue without handling them (generated or replayed history). */
export async function markEventsDispatched(db: Db, workspaceId: string): Promise<void> {
  await db.delete(domainEventQueue).where(eq(domainEventQueue.workspaceId, workspaceId));
}

/** How long handled events stay in the outbox (for support and replays) before the prune job forgets them. */
export const DISPATCHED_RETENTION_DAYS = 30;

/**
 * Deletes dispatched events that happened before `before`, batch by batch. Nothing reads
 * them after dispatch: runs, deliveries and notifications keep their own copies of what
 * they need. Events still queued stay, however old.
 */
export async function pruneDispatchedEvents(db: Db, before: Date, batch = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(
      sql`delete from ${domainEvents} where (workspace_id, id) in (
            select e.workspace_id, e.id from ${domainEvents} e
             where e.occurred_at < ${before.toISOString()}::timestamptz
               and not exists (select 1 from ${domainEventQueue} q where q.id = e.id and q.workspace_id = e.workspace_id)
             limit ${batch})`,
    );
    const count = result.rowCount ?? 0;
    total += count;
    if (count < batch) return total;
  }
}

function toRow(raw: Record<string, unknown>): DomainEventRow {
  const date = (value: unknown) => (value == null ? null : value instanceof Date ? value : new Date(String(value)));
  return {
    workspaceId: raw.workspace_id as string,
    id: raw.id as string,
    type: raw.type as DomainEventRow['type'],
    conversationId: (raw.conversation_id as string | null) ?? null,
    contactId: (raw.contact_id as string | null) ?? null,
    subjectId: (raw.subject_id as string | null) ?? null,
    data: (raw.data as Record<string, unknown>) ?? {},
    originRuleId: (raw.origin_rule_id as string | null) ?? null,
    actorType: (raw.actor_type as string | null) ?? null,
    actorId: (raw.actor_id as string | null) ?? null,
    occurredAt: date(raw.occurred_at) as Date,
  };
}

/**
 * Runs the dispatcher every `intervalMs` in processes that do background work (koe serve,
 * koe worker), so rules, webhooks and notifications follow a change within about a second.
 */
export function startEventDispatcher(
  app: AppContext,
  handlers: readonly EventHandler[],
  intervalMs: number,
): () => void {
  let running = false;
  let stopped = false;
  const timer = setInterval(async () => {
    if (running || stopped) return;
    running = true;
    try {
      await dispatchPendingEvents(app, handlers);
    } catch (error) {
      if (!stopped)
        app.log.error(`[events] dispatch failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
