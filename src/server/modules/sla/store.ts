import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { slaPolicies } from '../../db/schema/index.ts';

export type PolicyRow = typeof slaPolicies.$inferSelect;

/**
 * Each workspace's policies as the SLA engine last read them, until when. Every recorded
 * conversation change consults them, and most workspaces have none or a few that rarely
 * change. Policy writes in this process clear the entry; another process (a second
 * `koe serve` or `koe worker`) applies a change at most this long later. No policy means
 * no open clock either: deleting a policy withdraws its clocks.
 */
const cached = new Map<string, { rows: PolicyRow[]; until: number }>();
const POLICY_CACHE_MS = 10_000;

export function forgetPolicyCache(workspaceId: string): void {
  cached.delete(workspaceId);
}

/** Every policy of the workspace in order of trial (position, then id). */
export async function policyRows(tx: Tx, workspaceId: string): Promise<PolicyRow[]> {
  return tx
    .select()
    .from(slaPolicies)
    .where(eq(slaPolicies.workspaceId, workspaceId))
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.id));
}

export async function policyRow(tx: Tx, workspaceId: string, id: string, lock = false): Promise<PolicyRow | null> {
  const query = tx
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.id, id)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The policies for the SLA engine, from the cache above or one query. */
export async function enginePolicies(tx: Tx, workspaceId: string): Promise<PolicyRow[]> {
  const hit = cached.get(workspaceId);
  if (hit && hit.until > Date.now()) return hit.rows;
  const rows = await policyRows(tx, workspaceId);
  cached.set(workspaceId, { rows, until: Date.now() + POLICY_CACHE_MS });
  return rows;
}
