import { and, eq, sql } from 'drizzle-orm';
import type {
  CreateSlaPolicyInput,
  ReorderSlaPoliciesInput,
  SlaConditions,
  SlaPolicy,
  UpdateSlaPolicyInput,
} from '../../../shared/contracts/sla.ts';
import type { Db, Tx } from '../../db/client.ts';
import { sqlState } from '../../db/retry.ts';
import { slaPolicies } from '../../db/schema/index.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { calendarExists } from '../calendars/queries.ts';
import { noConditions } from './matching.ts';
import { presentPolicy } from './presenters.ts';
import { forgetPolicyCache, type PolicyRow, policyRow, policyRows } from './store.ts';
import { withdrawClocks } from './withdraw.ts';

/**
 * SLA policies: tried in position order, the first whose conditions all hold applies; the
 * default (at most one) applies when none does. Edits apply to clocks started afterwards;
 * running clocks keep the promise they started with (a change of the conversation's
 * priority or tags selects the policy again). Deleting a policy withdraws its open clocks.
 */

/** The default last, whatever its position: the order in which policies are tried. */
function inTrialOrder(rows: PolicyRow[]): PolicyRow[] {
  return [...rows.filter((r) => !r.isDefault), ...rows.filter((r) => r.isDefault)];
}

export async function listPolicies(tx: Tx, workspaceId: string): Promise<SlaPolicy[]> {
  return inTrialOrder(await policyRows(tx, workspaceId)).map(presentPolicy);
}

export async function getPolicy(tx: Tx, workspaceId: string, id: string): Promise<SlaPolicy> {
  const row = await policyRow(tx, workspaceId, id);
  if (!row) throw notFound('SLA policy');
  return presentPolicy(row);
}

interface Checked {
  isDefault: boolean;
  conditions: SlaConditions;
  firstResponseSeconds: number | null;
  nextResponseSeconds: number | null;
  resolutionSeconds: number | null;
  calendarId: string | null;
}

/** The rules across fields: one target at least, an existing calendar, a default without conditions, one default. */
async function check(tx: Tx, workspaceId: string, policy: Checked, id: string | null): Promise<void> {
  if (
    policy.firstResponseSeconds === null &&
    policy.nextResponseSeconds === null &&
    policy.resolutionSeconds === null
  ) {
    throw badRequest(
      'body.firstResponseSeconds',
      'set at least one target (first response, next response or resolution)',
    );
  }
  if (policy.calendarId && !(await calendarExists(tx, workspaceId, policy.calendarId))) {
    throw badRequest('body.calendarId', 'is not a calendar of this workspace');
  }
  if (policy.isDefault && !noConditions(policy.conditions)) {
    throw badRequest('body.conditions', 'must be empty for the default policy: it applies when no other policy does');
  }
  if (policy.isDefault) {
    const [other] = await tx
      .select({ id: slaPolicies.id, name: slaPolicies.name })
      .from(slaPolicies)
      .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.isDefault, true)));
    if (other && other.id !== id) throw conflict('body.isDefault', `"${other.name}" is already the default policy`);
  }
}

/** Drops empty condition lists, so a stored policy says only what it tests. */
function compact(conditions: SlaConditions): SlaConditions {
  return Object.fromEntries(Object.entries(conditions).filter(([, values]) => values && values.length > 0));
}

/** Two defaults written at once: the loser's unique violation is a 409, never a 500. */
async function guardDefault<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlState(error) === '23505') throw conflict('body.isDefault', 'another policy is already the default');
    throw error;
  }
}

export async function createPolicy(db: Db, workspaceId: string, input: CreateSlaPolicyInput): Promise<SlaPolicy> {
  const policy = await guardDefault(() =>
    db.transaction(async (tx) => {
      const conditions = compact(input.conditions);
      await check(tx, workspaceId, { ...input, conditions }, null);
      // Serialises positions: two policies created at once do not take the same place.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sla-policies:${workspaceId}`}))`);
      const [last] = await tx
        .select({ position: sql<number>`coalesce(max(${slaPolicies.position}), -1)::int` })
        .from(slaPolicies)
        .where(eq(slaPolicies.workspaceId, workspaceId));
      const now = new Date();
      const [row] = await tx
        .insert(slaPolicies)
        .values({
          workspaceId,
          id: newId(now.getTime()),
          name: input.name,
          description: input.description,
          position: (last?.position ?? -1) + 1,
          enabled: input.enabled,
          isDefault: input.isDefault,
          conditions,
          firstResponseSeconds: input.firstResponseSeconds,
          nextResponseSeconds: input.nextResponseSeconds,
          resolutionSeconds: input.resolutionSeconds,
          calendarId: input.calendarId,
          warnAtPercent: input.warnAtPercent,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('SLA policy insert returned nothing');
      return presentPolicy(row);
    }),
  );
  forgetPolicyCache(workspaceId);
  return policy;
}

export async function updatePolicy(
  db: Db,
  workspaceId: string,
  id: string,
  input: UpdateSlaPolicyInput,
): Promise<SlaPolicy> {
  const policy = await guardDefault(() =>
    db.transaction(async (tx) => {
      const row = await policyRow(tx, workspaceId, id, true);
      if (!row) throw notFound('SLA policy');
      const fields: Partial<PolicyRow> = {};
      for (const key of Object.keys(input) as (keyof UpdateSlaPolicyInput)[]) {
        const value = input[key];
        if (value !== undefined) Object.assign(fields, { [key]: value });
      }
      if (input.conditions) fields.conditions = compact(input.conditions);
      const merged = { ...row, ...fields };
      await check(tx, workspaceId, merged, id);
      const [updated] = await tx
        .update(slaPolicies)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.id, id)))
        .returning();
      if (!updated) throw notFound('SLA policy');
      return presentPolicy(updated);
    }),
  );
  forgetPolicyCache(workspaceId);
  return policy;
}

/** Deletes a policy; its open clocks are withdrawn (cancelled, a breach kept) and due times recomputed. */
export async function deletePolicy(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await policyRow(tx, workspaceId, id, true);
    if (!row) throw notFound('SLA policy');
    await withdrawClocks(tx, workspaceId, id, new Date());
    await tx.delete(slaPolicies).where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.id, id)));
  });
  forgetPolicyCache(workspaceId);
}

/** Sets the order of trial: `ids` lists every policy once; each takes its index as position. */
export async function reorderPolicies(
  db: Db,
  workspaceId: string,
  input: ReorderSlaPoliciesInput,
): Promise<SlaPolicy[]> {
  const policies = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sla-policies:${workspaceId}`}))`);
    const rows = await policyRows(tx, workspaceId);
    const known = new Set(rows.map((r) => r.id));
    input.ids.forEach((id, index) => {
      if (!known.has(id)) throw badRequest(`body.ids.${index}`, 'is not an SLA policy of this workspace');
    });
    const listed = new Set(input.ids);
    const missing = rows.filter((r) => !listed.has(r.id));
    if (missing.length > 0) {
      throw badRequest('body.ids', `must list every policy; missing: ${missing.map((r) => `"${r.name}"`).join(', ')}`);
    }
    const now = new Date();
    for (const [position, id] of input.ids.entries()) {
      await tx
        .update(slaPolicies)
        .set({ position, updatedAt: now })
        .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.id, id)));
    }
    return listPolicies(tx, workspaceId);
  });
  forgetPolicyCache(workspaceId);
  return policies;
}

/** The policies counting in a calendar's hours (a calendar in use is not deleted). */
export async function policiesUsingCalendar(tx: Tx, workspaceId: string, calendarId: string): Promise<string[]> {
  const rows = await tx
    .select({ name: slaPolicies.name })
    .from(slaPolicies)
    .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.calendarId, calendarId)));
  return rows.map((r) => r.name);
}
