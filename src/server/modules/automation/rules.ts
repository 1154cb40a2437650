import { and, asc, eq, sql } from 'drizzle-orm';
import type {
  AutomationActionInput,
  AutomationRule,
  CreateAutomationRuleInput,
  ReorderAutomationRulesInput,
  UpdateAutomationRuleInput,
} from '../../../shared/contracts/automation.ts';
import type { DomainEventType } from '../../../shared/contracts/events.ts';
import type { Db, Tx } from '../../db/client.ts';
import { automationRules } from '../../db/schema/index.ts';
import { badRequest, HttpProblem, notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { presentRule, type RuleRow } from './presenters.ts';
import { lastRuns } from './runs.ts';
import { validateActions, validateConditions } from './validation.ts';

const ORDER = [asc(automationRules.position), asc(automationRules.createdAt), asc(automationRules.id)];

async function getRuleRow(tx: Tx, workspaceId: string, ruleId: string, lock = false): Promise<RuleRow | null> {
  const query = tx
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.workspaceId, workspaceId), eq(automationRules.id, ruleId)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

async function present(tx: Tx, workspaceId: string, rows: RuleRow[]): Promise<AutomationRule[]> {
  const last = await lastRuns(
    tx,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentRule(row, last.get(row.id) ?? null));
}

export async function listRules(tx: Tx, workspaceId: string): Promise<AutomationRule[]> {
  const rows = await tx
    .select()
    .from(automationRules)
    .where(eq(automationRules.workspaceId, workspaceId))
    .orderBy(...ORDER);
  return present(tx, workspaceId, rows);
}

export async function getRule(tx: Tx, workspaceId: string, ruleId: string): Promise<AutomationRule> {
  const row = await getRuleRow(tx, workspaceId, ruleId);
  if (!row) throw notFound('Automation rule');
  const [rule] = await present(tx, workspaceId, [row]);
  if (!rule) throw notFound('Automation rule');
  return rule;
}

export async function createRule(
  db: Db,
  workspaceId: string,
  userId: string | null,
  input: CreateAutomationRuleInput,
): Promise<AutomationRule> {
  return db.transaction(async (tx) => {
    validateConditions(input.trigger, input.conditions, 'body.conditions');
    await validateActions(tx, workspaceId, input.trigger, input.actions, 'body.actions');
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${automationRules.position}), 0)::int` })
      .from(automationRules)
      .where(eq(automationRules.workspaceId, workspaceId));
    const now = new Date();
    const id = newId(now.getTime());
    await tx.insert(automationRules).values({
      workspaceId,
      id,
      name: input.name,
      enabled: input.enabled,
      position: (last?.position ?? 0) + 1,
      trigger: input.trigger,
      conditions: input.conditions,
      actions: input.actions,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    });
    return getRule(tx, workspaceId, id);
  });
}

/** Changes the fields given; conditions are checked again against the (possibly new) trigger. */
export async function updateRule(
  db: Db,
  workspaceId: string,
  ruleId: string,
  input: UpdateAutomationRuleInput,
): Promise<AutomationRule> {
  return db.transaction(async (tx) => {
    const row = await getRuleRow(tx, workspaceId, ruleId, true);
    if (!row) throw notFound('Automation rule');
    const trigger = input.trigger ?? row.trigger;
    const conditions = input.conditions ?? row.conditions;
    if (input.conditions) validateConditions(trigger, conditions, 'body.conditions');
    else if (input.trigger) {
      // A new trigger may take away fields the kept conditions test (a survey answer's score).
      try {
        validateConditions(trigger, conditions, 'conditions');
      } catch (error) {
        const message = error instanceof HttpProblem ? error.message : String(error);
        throw badRequest('body.trigger', `does not fit the rule's conditions (${message}); send conditions with it`);
      }
    }
    if (input.actions) await validateActions(tx, workspaceId, trigger, input.actions, 'body.actions');
    else if (input.trigger) {
      try {
        await validateActions(tx, workspaceId, trigger, row.actions as AutomationActionInput[], 'actions');
      } catch (error) {
        const message = error instanceof HttpProblem ? error.message : String(error);
        throw badRequest('body.trigger', `does not fit the rule's actions (${message}); send actions with it`);
      }
    }
    const fields: Partial<typeof automationRules.$inferInsert> = { updatedAt: new Date(), trigger, conditions };
    if (input.name !== undefined) fields.name = input.name;
    if (input.enabled !== undefined) fields.enabled = input.enabled;
    if (input.actions !== undefined) fields.actions = input.actions;
    await tx
      .update(automationRules)
      .set(fields)
      .where(and(eq(automationRules.workspaceId, workspaceId), eq(automationRules.id, ruleId)));
    return getRule(tx, workspaceId, ruleId);
  });
}

/** Deletes a rule; its runs stay in the log (shown as a deleted rule). */
export async function deleteRule(tx: Tx, workspaceId: string, ruleId: string): Promise<void> {
  const deleted = await tx
    .delete(automationRules)
    .where(and(eq(automationRules.workspaceId, workspaceId), eq(automationRules.id, ruleId)))
    .returning({ id: automationRules.id });
  if (deleted.length === 0) throw notFound('Automation rule');
}

/** Sets the order rules are tried in: `ids` lists every rule of the workspace exactly once. */
export async function reorderRules(
  db: Db,
  workspaceId: string,
  input: ReorderAutomationRulesInput,
): Promise<AutomationRule[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: automationRules.id })
      .from(automationRules)
      .where(eq(automationRules.workspaceId, workspaceId))
      .orderBy(...ORDER)
      .for('update');
    const known = new Set(rows.map((r) => r.id));
    const seen = new Set<string>();
    for (const [index, id] of input.ids.entries()) {
      if (!known.has(id)) throw badRequest(`body.ids.${index}`, 'is not a rule of this workspace');
      if (seen.has(id)) throw badRequest(`body.ids.${index}`, 'is listed twice');
      seen.add(id);
    }
    if (seen.size !== known.size) {
      throw badRequest('body.ids', `must list every rule (${known.size}), in the new order`);
    }
    if (input.ids.length > 0) {
      await tx.execute(sql`
        update ${automationRules} r set position = o.position, updated_at = now()
        from unnest(${sql.param(input.ids)}::uuid[]) with ordinality as o(id, position)
        where r.workspace_id = ${workspaceId} and r.id = o.id`);
    }
    return listRules(tx, workspaceId);
  });
}

/** Enabled rules a domain event triggers, in the order they are tried. */
export async function rulesForEvent(tx: Tx, workspaceId: string, type: DomainEventType): Promise<RuleRow[]> {
  return tx
    .select()
    .from(automationRules)
    .where(
      and(
        eq(automationRules.workspaceId, workspaceId),
        eq(automationRules.enabled, true),
        sql`${automationRules.trigger} ->> 'type' = 'event'`,
        sql`${automationRules.trigger} ->> 'event' = ${type}`,
      ),
    )
    .orderBy(...ORDER);
}

/** Enabled time-based rules of every workspace (the `automation-time` job's work list). */
export async function timeRules(tx: Tx): Promise<RuleRow[]> {
  return tx
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.enabled, true), sql`${automationRules.trigger} ->> 'type' = 'time'`))
    .orderBy(automationRules.workspaceId, ...ORDER);
}
