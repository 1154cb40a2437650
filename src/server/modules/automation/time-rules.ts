import { sql } from 'drizzle-orm';
import { type AutomationTrigger, TIME_TRIGGER_EVENT } from '../../../shared/contracts/automation.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { automationRuns, conversationEvents, conversations } from '../../db/schema/index.ts';
import { customerContext } from './context.ts';
import { runRule, steppingClock } from './engine.ts';
import { EMPTY_CONTEXT } from './fields.ts';
import type { RuleRow } from './presenters.ts';
import { timeRules } from './rules.ts';
import { recordRun } from './runs.ts';

const BATCH = 100;
/** Batches per rule per tick: a backlog is worked off over the next minutes. */
const MAX_BATCHES = 20;

interface Stay extends Record<string, unknown> {
  conversation_id: string;
  contact_id: string;
  event_key: string;
}

/**
 * Conversations in the trigger's status since at least `hours` before `now` that this rule
 * has not yet run on in their current stay. A stay starts at the last `status_changed` to
 * that status in the conversation's log, or at its creation; its key
 * `<conversation id>:<cycle>:<since, ISO>` is the run's event key. The anti-join on the run
 * log is in the same statement so a tick reads only what is due.
 */
async function dueStays(tx: Tx, rule: RuleRow, trigger: Extract<AutomationTrigger, { type: 'time' }>, now: Date) {
  const cutoff = new Date(now.getTime() - trigger.hours * 3_600_000);
  const result = await tx.execute<Stay>(sql`
    with stays as (
      select c.id, c.contact_id, c.cycle,
        coalesce(
          (select max(e.occurred_at) from ${conversationEvents} e
            where e.workspace_id = c.workspace_id and e.conversation_id = c.id
              and e.type = 'status_changed' and e.data ->> 'to' = ${trigger.status}),
          c.created_at) as since
      from ${conversations} c
      where c.workspace_id = ${rule.workspaceId} and c.status = ${trigger.status}
    ), keyed as (
      select id, contact_id, since,
        id::text || ':' || cycle || ':' || to_char(since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as event_key
      from stays where since <= ${cutoff.toISOString()}::timestamptz
    )
    select k.id as conversation_id, k.contact_id, k.event_key from keyed k
    where not exists (
      select 1 from ${automationRuns} r
      where r.workspace_id = ${rule.workspaceId} and r.rule_id = ${rule.id} and r.event_key = k.event_key)
    order by k.since, k.id
    limit ${BATCH}`);
  return result.rows;
}

/** One batch of one rule in one transaction; returns how many stays it handled. */
async function runBatch(app: AppContext, rule: RuleRow, now: Date, clock: () => Date): Promise<number> {
  const trigger = rule.trigger;
  if (trigger.type !== 'time') return 0;
  const tasks: (() => Promise<void>)[] = [];
  const handled = await app.db.transaction(async (tx) => {
    const stays = await dueStays(tx, rule, trigger, now);
    for (const stay of stays) {
      const occasion = {
        eventKey: stay.event_key,
        eventType: TIME_TRIGGER_EVENT,
        conversationId: stay.conversation_id,
      };
      try {
        await tx.transaction(async (sp) => {
          const ctx = {
            ...EMPTY_CONTEXT,
            ...(await customerContext(sp, rule.workspaceId, stay.conversation_id, stay.contact_id)),
          };
          const env = { tx: sp, app, clock, afterCommit: (task: () => Promise<void>) => tasks.push(task) };
          await runRule(env, rule, { ...occasion, event: null }, ctx);
        });
      } catch (caught) {
        // Logged as failed, so the stay is not tried again every minute.
        const error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 500);
        app.log.error(`[automation] time rule ${rule.id} on ${stay.event_key}: ${error}`);
        await recordRun(tx, rule.workspaceId, { ruleId: rule.id, ...occasion, status: 'failed', error, at: clock() });
      }
    }
    return stays.length;
  });
  for (const task of tasks) {
    await task().catch((error: unknown) =>
      app.log.error(`[automation] after-commit task failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  return handled;
}

export interface TimeRulesRun {
  rules: number;
  evaluated: number;
}

/**
 * One tick of time-based rules (the `automation-time` job, every minute; `now` is given in
 * tests): every enabled rule, every conversation that has been in its status long enough,
 * once per stay. A rule that fails on one conversation is logged and the others go on.
 */
export async function runTimeRules(
  app: AppContext,
  options: { now?: Date; workspaceId?: string } = {},
): Promise<TimeRulesRun> {
  const now = options.now ?? new Date();
  const rules = (await timeRules(app.db)).filter((r) => !options.workspaceId || r.workspaceId === options.workspaceId);
  const run: TimeRulesRun = { rules: rules.length, evaluated: 0 };
  const clock = steppingClock(now);
  for (const rule of rules) {
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const handled = await runBatch(app, rule, now, clock);
      run.evaluated += handled;
      if (handled < BATCH) break;
    }
  }
  return run;
}
