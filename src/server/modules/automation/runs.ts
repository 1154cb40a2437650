import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import {
  type AutomationActionResult,
  type AutomationRun,
  type AutomationRunQuery,
  type AutomationRunStatus,
  TIME_TRIGGER_EVENT,
} from '../../../shared/contracts/automation.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import type { Db, Tx } from '../../db/client.ts';
import { automationRules, automationRuns } from '../../db/schema/index.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { newId } from '../../lib/id.ts';
import { presentRun } from './presenters.ts';

export interface NewRun {
  ruleId: string;
  /** The domain event id, or for time-based rules "<conversation id>:<cycle>:<since>". */
  eventKey: string;
  eventType: string;
  conversationId: string | null;
  status: AutomationRunStatus;
  actions?: AutomationActionResult[];
  error?: string | null;
  at: Date;
}

/** Whether a rule already ran on an event (a repeated dispatch or tick acts once). */
export async function hasRun(tx: Tx, workspaceId: string, ruleId: string, eventKey: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: automationRuns.id })
    .from(automationRuns)
    .where(
      and(
        eq(automationRuns.workspaceId, workspaceId),
        eq(automationRuns.ruleId, ruleId),
        eq(automationRuns.eventKey, eventKey),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Logs a run; a second run of the same rule on the same event is ignored (unique index). */
export async function recordRun(tx: Tx, workspaceId: string, run: NewRun): Promise<boolean> {
  const inserted = await tx
    .insert(automationRuns)
    .values({
      workspaceId,
      id: newId(run.at.getTime()),
      ruleId: run.ruleId,
      eventKey: run.eventKey,
      eventType: run.eventType,
      conversationId: run.conversationId,
      status: run.status,
      actions: run.actions ?? [],
      error: run.error ?? null,
      createdAt: run.at,
    })
    .onConflictDoNothing()
    .returning({ id: automationRuns.id });
  return inserted.length > 0;
}

/** The run log, newest first, optionally of one rule and/or one status. */
export async function listRuns(tx: Tx, workspaceId: string, query: AutomationRunQuery): Promise<Page<AutomationRun>> {
  const cursor = decodeCursor(query.cursor);
  const r = automationRuns;
  const rows = await tx
    .select({ run: r, ruleName: automationRules.name })
    .from(r)
    .leftJoin(automationRules, and(eq(automationRules.workspaceId, r.workspaceId), eq(automationRules.id, r.ruleId)))
    .where(
      and(
        eq(r.workspaceId, workspaceId),
        query.ruleId ? eq(r.ruleId, query.ruleId) : undefined,
        query.status ? eq(r.status, query.status) : undefined,
        cursor
          ? or(lt(r.createdAt, new Date(cursor.at)), and(eq(r.createdAt, new Date(cursor.at)), lt(r.id, cursor.id)))
          : undefined,
      ),
    )
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => ({ at: row.run.createdAt, id: row.run.id }));
  return { data: page.data.map((row) => presentRun(row.run, row.ruleName)), nextCursor: page.nextCursor };
}

/** The newest run that acted (succeeded or failed) of each rule. */
export async function lastRuns(
  tx: Tx,
  workspaceId: string,
  ruleIds: string[],
): Promise<Map<string, { status: AutomationRunStatus; at: Date }>> {
  const map = new Map<string, { status: AutomationRunStatus; at: Date }>();
  if (ruleIds.length === 0) return map;
  const result = await tx.execute<{ rule_id: string; status: AutomationRunStatus; created_at: Date | string }>(sql`
    select ids.rule_id, last.status, last.created_at
    from unnest(${sql.param(ruleIds)}::uuid[]) as ids(rule_id)
    cross join lateral (
      select r.status, r.created_at from ${automationRuns} r
      where r.workspace_id = ${workspaceId} and r.rule_id = ids.rule_id and r.status in ('succeeded', 'failed')
      order by r.created_at desc, r.id desc limit 1
    ) last`);
  for (const row of result.rows) {
    map.set(row.rule_id, { status: row.status, at: new Date(row.created_at) });
  }
  return map;
}

/** How long "no match" runs of event rules stay in the log. */
export const NO_MATCH_RETENTION_DAYS = 30;

/**
 * Forgets "no match" runs of event rules older than `before`, a chunk at a time: they only
 * explain why a rule did not act, and an event is never dispatched twice. Runs that acted,
 * loop-guard entries and time-based runs (which keep a rule from acting twice in one stay)
 * stay.
 */
export async function pruneRuns(db: Db, before: Date, chunk = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`
      delete from ${automationRuns} where (workspace_id, id) in (
        select workspace_id, id from ${automationRuns}
        where status = 'no_match' and event_type <> ${TIME_TRIGGER_EVENT} and created_at < ${before.toISOString()}::timestamptz
        limit ${chunk})`);
    const deleted = result.rowCount ?? 0;
    total += deleted;
    if (deleted < chunk) return total;
  }
}
