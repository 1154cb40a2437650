import type { Channel } from '../../../shared/contracts/conversations.ts';
import type { GoalProgressQuery } from '../../../shared/contracts/insights.ts';
import type { Goal, GoalProgress, MetricsQuery } from '../../../shared/contracts/metrics.ts';
import {
  daysBetween,
  goalStatus,
  isVolumeMetric,
  metricSampleSize,
  metricValue,
  projectGoal,
} from '../../../shared/metrics/goals.ts';
import type { Tx } from '../../db/client.ts';
import { getWorkspace } from '../workspaces/service.ts';
import { localToday, minDay } from './dates.ts';
import { listGoalRows, presentGoal } from './goals.ts';
import { computeMetrics } from './metrics-source.ts';

/** The goal's scope as a metrics filter. */
function scopeFilter(goal: Goal): Partial<MetricsQuery> {
  if (goal.scope === 'team') return { teamId: [goal.scopeValue] };
  if (goal.scope === 'channel') return { channel: [goal.scopeValue as Channel] };
  return {};
}

/**
 * One goal measured on a day: the figure from the period start through min(on, endsOn)
 * (from computeMetrics, the scope as a filter), the share of the period elapsed, the
 * projection to the period end and the status (src/shared/metrics/goals.ts).
 */
export async function goalProgress(tx: Tx, workspaceId: string, goal: Goal, on: string): Promise<GoalProgress> {
  const periodDays = daysBetween(goal.startsOn, goal.endsOn) + 1;
  if (on < goal.startsOn) {
    return { goal, current: null, n: 0, elapsed: 0, projection: null, status: 'no_data' };
  }
  const through = minDay(on, goal.endsOn);
  const volume = isVolumeMetric(goal.metric);
  const report = await computeMetrics(tx, workspaceId, {
    from: goal.startsOn,
    to: through,
    ...scopeFilter(goal),
    // Volumes scale linearly; every other figure follows its weekly trend.
    ...(volume ? {} : { by: 'week' as const }),
  });
  const current = metricValue(report, goal.metric);
  const n = metricSampleSize(report, goal.metric);
  const weeks = volume
    ? []
    : report.groups.flatMap((group) => {
        const value = metricValue(group, goal.metric);
        return value === null || metricSampleSize(group, goal.metric) === 0 ? [] : [{ week: group.key, value }];
      });
  const projection = projectGoal({ ...goal, through, current, weeks });
  const elapsed = Math.min(1, (daysBetween(goal.startsOn, through) + 1) / periodDays);
  const status = goalStatus({
    metric: goal.metric,
    target: goal.target,
    current,
    n,
    projection,
    over: on > goal.endsOn,
  });
  return { goal, current, n, elapsed, projection, status };
}

/** Progress of the goals whose period contains `on` (today in the workspace's time zone), or of every goal. */
export async function listGoalProgress(tx: Tx, workspaceId: string, query: GoalProgressQuery): Promise<GoalProgress[]> {
  const on = query.on ?? localToday((await getWorkspace(tx, workspaceId)).timeZone);
  const goals = (await listGoalRows(tx, workspaceId))
    .map(presentGoal)
    .filter((goal) => query.all || (goal.startsOn <= on && on <= goal.endsOn));
  const progress: GoalProgress[] = [];
  // One at a time: on PGlite the single connection serialises them anyway.
  for (const goal of goals) progress.push(await goalProgress(tx, workspaceId, goal, on));
  return progress;
}
