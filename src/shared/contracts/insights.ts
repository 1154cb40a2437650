import { z } from 'zod';
import { GoalMetric, GoalScope, LocalDate } from './metrics.ts';

/**
 * Request schemas of goals and annotations beyond src/shared/contracts/metrics.ts
 * (which holds GoalInput, AnnotationInput, ReferencesInput and the response types).
 */

/** PATCH /goals/{id}: any field of GoalInput; the merged goal is validated as a whole. */
export const UpdateGoalInput = z.object({
  metric: GoalMetric.optional(),
  scope: GoalScope.optional(),
  scopeValue: z.string().max(100).optional(),
  startsOn: LocalDate.optional(),
  endsOn: LocalDate.optional(),
  target: z.number().finite().optional(),
});
export type UpdateGoalInput = z.infer<typeof UpdateGoalInput>;

const BooleanFlag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');

export const GoalProgressQuery = z.object({
  /** The day to measure on; today in the workspace's time zone when absent. */
  on: LocalDate.optional(),
  /** Every goal, not only those whose period contains `on`. */
  all: BooleanFlag.optional(),
});
export type GoalProgressQuery = z.infer<typeof GoalProgressQuery>;

export const AnnotationListQuery = z.object({ from: LocalDate.optional(), to: LocalDate.optional() });
export type AnnotationListQuery = z.infer<typeof AnnotationListQuery>;
