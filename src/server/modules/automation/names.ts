import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { automationRules } from '../../db/schema/index.ts';

/** Rule names by id, for logs that show what a rule did ("by rule “VIP routing”"); deleted rules are absent. */
export async function ruleNames(tx: Tx, workspaceId: string, ruleIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(ruleIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: automationRules.id, name: automationRules.name })
    .from(automationRules)
    .where(and(eq(automationRules.workspaceId, workspaceId), inArray(automationRules.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}
