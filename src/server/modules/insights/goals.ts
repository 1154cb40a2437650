import { and, asc, desc, eq } from 'drizzle-orm';
import { CHANNELS } from '../../../shared/contracts/conversations.ts';
import type { UpdateGoalInput } from '../../../shared/contracts/insights.ts';
import type { Goal, GoalInput } from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import { metricGoals } from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { isUuid, newId } from '../../lib/id.ts';
import { teamExists } from '../workspaces/teams.ts';

type GoalRow = typeof metricGoals.$inferSelect;

export function presentGoal(row: GoalRow): Goal {
  return {
    id: row.id,
    metric: row.metric as Goal['metric'],
    scope: row.scope,
    scopeValue: row.scopeValue,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    target: Number(row.target),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The rules a goal obeys beyond its fields' own schemas; the first broken one names its field. */
async function validateGoal(tx: Tx, workspaceId: string, goal: GoalInput): Promise<void> {
  if (goal.startsOn > goal.endsOn) throw badRequest('body.endsOn', 'must be on or after startsOn');
  if (goal.metric.endsWith('.percent') && (goal.target < 0 || goal.target > 100)) {
    throw badRequest('body.target', 'must be a percentage from 0 to 100');
  }
  if (goal.metric === 'nps.score' && (goal.target < -100 || goal.target > 100)) {
    throw badRequest('body.target', 'must be an NPS from -100 to 100');
  }
  if (goal.target < 0 && goal.metric !== 'nps.score') throw badRequest('body.target', 'must not be negative');
  if (goal.scope === 'workspace' && goal.scopeValue !== '') {
    throw badRequest('body.scopeValue', 'must be empty for a workspace goal');
  }
  if (goal.scope === 'team' && !(isUuid(goal.scopeValue) && (await teamExists(tx, workspaceId, goal.scopeValue)))) {
    throw badRequest('body.scopeValue', 'must be the id of a team of this workspace');
  }
  if (goal.scope === 'channel' && !(CHANNELS as readonly string[]).includes(goal.scopeValue)) {
    throw badRequest('body.scopeValue', `must be one of ${CHANNELS.join(', ')}`);
  }
}

export async function listGoalRows(tx: Tx, workspaceId: string): Promise<GoalRow[]> {
  return tx
    .select()
    .from(metricGoals)
    .where(eq(metricGoals.workspaceId, workspaceId))
    .orderBy(desc(metricGoals.startsOn), asc(metricGoals.metric), asc(metricGoals.id));
}

export async function listGoals(tx: Tx, workspaceId: string): Promise<{ data: Goal[] }> {
  return { data: (await listGoalRows(tx, workspaceId)).map(presentGoal) };
}

async function goalRow(tx: Tx, workspaceId: string, id: string): Promise<GoalRow> {
  const [row] = await tx
    .select()
    .from(metricGoals)
    .where(and(eq(metricGoals.workspaceId, workspaceId), eq(metricGoals.id, id)))
    .limit(1);
  if (!row) throw notFound('Goal');
  return row;
}

export async function getGoal(tx: Tx, workspaceId: string, id: string): Promise<Goal> {
  return presentGoal(await goalRow(tx, workspaceId, id));
}

export async function createGoal(tx: Tx, workspaceId: string, userId: string | null, input: GoalInput): Promise<Goal> {
  await validateGoal(tx, workspaceId, input);
  const now = new Date();
  const [row] = await tx
    .insert(metricGoals)
    .values({ workspaceId, id: newId(now.getTime()), ...input, createdBy: userId, createdAt: now })
    .returning();
  if (!row) throw new Error('goal insert returned nothing');
  return presentGoal(row);
}

export async function updateGoal(tx: Tx, workspaceId: string, id: string, input: UpdateGoalInput): Promise<Goal> {
  const current = presentGoal(await goalRow(tx, workspaceId, id));
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const merged: GoalInput = { ...current, ...defined };
  // Moving a goal to the workspace scope clears the value the old scope needed.
  if (input.scope === 'workspace' && input.scopeValue === undefined) merged.scopeValue = '';
  await validateGoal(tx, workspaceId, merged);
  const { metric, scope, scopeValue, startsOn, endsOn, target } = merged;
  const [row] = await tx
    .update(metricGoals)
    .set({ metric, scope, scopeValue, startsOn, endsOn, target })
    .where(and(eq(metricGoals.workspaceId, workspaceId), eq(metricGoals.id, id)))
    .returning();
  if (!row) throw notFound('Goal');
  return presentGoal(row);
}

export async function deleteGoal(tx: Tx, workspaceId: string, id: string): Promise<void> {
  const deleted = await tx
    .delete(metricGoals)
    .where(and(eq(metricGoals.workspaceId, workspaceId), eq(metricGoals.id, id)))
    .returning({ id: metricGoals.id });
  if (deleted.length === 0) throw notFound('Goal');
}
