import type { SlaConditions } from '../../../shared/contracts/sla.ts';

/** What a policy's conditions look at: the conversation and its company (plan, `attributes.tier`). */
export interface SlaSubject {
  priority: string;
  channel: string;
  tags: readonly string[];
  companyPlan: string | null;
  companyTier: string | null;
}

export interface MatchablePolicy {
  id: string;
  position: number;
  enabled: boolean;
  isDefault: boolean;
  conditions: SlaConditions;
}

const folded = (value: string) => value.trim().toLocaleLowerCase('en');

/** Text values compare without case ("Premium" = "premium"); an empty list is no condition. */
function anyOf(values: readonly string[] | undefined, actual: readonly (string | null)[]): boolean {
  if (!values || values.length === 0) return true;
  const wanted = new Set(values.map(folded));
  return actual.some((value) => value !== null && wanted.has(folded(value)));
}

/** Every listed field holds (each is "any of" its values); no condition at all matches everything. */
export function conditionsHold(conditions: SlaConditions, subject: SlaSubject): boolean {
  return (
    anyOf(conditions.priority, [subject.priority]) &&
    anyOf(conditions.channel, [subject.channel]) &&
    anyOf(conditions.companyPlan, [subject.companyPlan]) &&
    anyOf(conditions.companyTier, [subject.companyTier]) &&
    anyOf(conditions.tags, subject.tags)
  );
}

/**
 * The policy that applies: the first enabled non-default policy in position order whose
 * conditions all hold, else the enabled default, else none.
 */
export function selectPolicy<P extends MatchablePolicy>(policies: readonly P[], subject: SlaSubject): P | null {
  const ordered = policies
    .filter((p) => p.enabled && !p.isDefault)
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  for (const policy of ordered) if (conditionsHold(policy.conditions, subject)) return policy;
  return policies.find((p) => p.enabled && p.isDefault) ?? null;
}

/** True when the conditions say nothing (every list empty or absent). */
export function noConditions(conditions: SlaConditions): boolean {
  return Object.values(conditions).every((values) => !values || values.length === 0);
}
