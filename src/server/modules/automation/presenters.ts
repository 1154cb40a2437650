import type {
  AutomationActionInput,
  AutomationRule,
  AutomationRun,
  AutomationRunStatus,
} from '../../../shared/contracts/automation.ts';
import type { automationRules, automationRuns } from '../../db/schema/index.ts';

export type RuleRow = typeof automationRules.$inferSelect;
export type RunRow = typeof automationRuns.$inferSelect;

export interface LastRun {
  status: AutomationRunStatus;
  at: Date;
}

export function presentRule(row: RuleRow, lastRun: LastRun | null): AutomationRule {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    position: row.position,
    trigger: row.trigger,
    conditions: row.conditions,
    // Stored only after validation against AutomationActionInput.
    actions: row.actions as AutomationActionInput[],
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastRun: lastRun ? { status: lastRun.status, at: lastRun.at.toISOString() } : null,
  };
}

export function presentRun(row: RunRow, ruleName: string | null): AutomationRun {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleName,
    eventKey: row.eventKey,
    eventType: row.eventType,
    conversationId: row.conversationId,
    status: row.status,
    actions: row.actions,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
  };
}
