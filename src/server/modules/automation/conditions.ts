import type {
  AutomationCondition,
  AutomationConditionGroup,
  ConditionOperatorName,
} from '../../../shared/contracts/automation.ts';

/**
 * Evaluates a rule's AND/OR tree against the values of its fields.
 *
 * Semantics, for a field value `v` and the condition's `value`:
 * - text is compared after NFKC folding and lower-casing, so `contains "vip"` matches
 *   "VIP" and "ＶＩＰ", and Japanese text matches whatever its width (ｶﾀｶﾅ = カタカナ);
 * - eq / neq: equal (numbers numerically, "5" = 5); on a list (tags): the list has / lacks the value;
 * - in / not_in: `v` is one of / none of the values; on a list: shares some / none of them;
 * - contains / not_contains: text holds the value; on a list: an element equals it;
 * - gt / gte / lt / lte: numeric comparison; a missing or non-numeric value never matches;
 * - is_set / is_not_set: present and not empty ('' and [] count as not set);
 * - a missing value matches only the negative operators (neq, not_in, not_contains, is_not_set).
 * An empty group matches (a rule without conditions runs on every event of its trigger).
 */
export function evaluateGroup(group: AutomationConditionGroup, lookup: (field: string) => unknown): boolean {
  if (group.conditions.length === 0) return true;
  const test = (item: AutomationCondition | AutomationConditionGroup) =>
    'match' in item ? evaluateGroup(item, lookup) : evaluateCondition(item, lookup(item.field));
  return group.match === 'all' ? group.conditions.every(test) : group.conditions.some(test);
}

export function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en-US').trim();
}

const isMissing = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  }
  return null;
}

/** Equality of two scalars: numerically when both are numbers (or numeric text), else folded text. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a) === String(b);
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== null && y !== null && (typeof a === 'number' || typeof b === 'number')) return x === y;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return fold(String(a)) === fold(String(b));
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function positive(op: ConditionOperatorName, value: unknown, expected: unknown): boolean {
  const values = Array.isArray(value) ? value : null;
  switch (op) {
    case 'eq':
      return values ? values.some((v) => same(v, expected)) : same(value, expected);
    case 'in':
      return listOf(expected).some((e) => (values ? values.some((v) => same(v, e)) : same(value, e)));
    case 'contains':
      if (values) return values.some((v) => same(v, expected));
      return expected !== undefined && expected !== null && fold(String(value)).includes(fold(String(expected)));
    case 'is_set':
      return true;
    default:
      return compare(op, value, expected);
  }
}

function compare(op: ConditionOperatorName, value: unknown, expected: unknown): boolean {
  const x = toNumber(value);
  const y = toNumber(expected);
  if (x === null || y === null) return false;
  switch (op) {
    case 'gt':
      return x > y;
    case 'gte':
      return x >= y;
    case 'lt':
      return x < y;
    case 'lte':
      return x <= y;
    default:
      return false;
  }
}

const NEGATIONS: Partial<Record<ConditionOperatorName, ConditionOperatorName>> = {
  neq: 'eq',
  not_in: 'in',
  not_contains: 'contains',
  is_not_set: 'is_set',
};

export function evaluateCondition(condition: AutomationCondition, value: unknown): boolean {
  const negated = NEGATIONS[condition.op];
  const op = negated ?? condition.op;
  const holds = isMissing(value) ? false : positive(op, value, condition.value);
  return negated ? !holds : holds;
}
