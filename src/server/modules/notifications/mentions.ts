/**
 * @mentions in internal notes. A mention is `@` followed by a member's email address
 * (`@billing@example.com`) or display name, with or without its spaces (`@請求担当`,
 * `@請求 担当`, `@BillingDesk`), matched without regard to case. The `@` must not follow
 * a Latin letter, digit or one of `._%+-` (so an email address in the text mentions
 * nobody); the name must not run on into further Latin letters or digits (`@Billing` does
 * not match `@Billings`), while Japanese text may follow directly (`@請求担当さん`).
 * When several members fit at one place, the longest name wins.
 */
export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

/** Characters that may precede an address's `@` inside an email: such an `@` is not a mention. */
const BEFORE = /[A-Za-z0-9._%+-]/;
/** Characters that continue a Latin name or address: a match followed by one is cut short, not a mention. */
const CONTINUES = /[A-Za-z0-9_@-]/;

function candidates(members: Mentionable[]): [string, string][] {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    const normal = key.trim().toLowerCase();
    if (normal.length < 2) return;
    byKey.set(normal, (byKey.get(normal) ?? new Set()).add(id));
  };
  for (const member of members) {
    add(member.email, member.id);
    add(member.name.replace(/\s+/g, ''), member.id);
    add(member.name.replace(/\s+/g, ' '), member.id);
  }
  // A name two members share names neither.
  return [...byKey]
    .filter(([, ids]) => ids.size === 1)
    .map(([key, ids]) => [key, [...ids][0] as string] as [string, string])
    .sort((a, b) => b[0].length - a[0].length);
}

function endsCleanly(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined) return true;
  if (CONTINUES.test(next)) return false;
  // "@hanako@example.com." ends a sentence; "@hanako@example.co" + "m" does not end.
  if (next === '.') {
    const after = text[end + 1];
    return after === undefined || !/[A-Za-z0-9]/.test(after);
  }
  return true;
}

/** The ids of the members a text mentions, in order of first mention, each once. */
export function mentionedMemberIds(text: string, members: Mentionable[]): string[] {
  const keys = candidates(members);
  const found: string[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const before = at > 0 ? text[at - 1] : undefined;
    if (before !== undefined && BEFORE.test(before)) continue;
    const start = at + 1;
    for (const [key, id] of keys) {
      const end = start + key.length;
      if (text.slice(start, end).toLowerCase() !== key || !endsCleanly(text, end)) continue;
      if (!found.includes(id)) found.push(id);
      at = end - 1;
      break;
    }
  }
  return found;
}
