/** A stored id must match the contract: lowercase letters, digits, - or _, at most 40. */
const MAX = 40;

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '');
}

/**
 * The id an answer is stored under, made once from the option's labels: the English
 * label's words (`Delivery speed` → `delivery-speed`), else any Latin letters, else
 * `option-N`; suffixed to stay unique. Made once and then kept: renaming or translating
 * a label never changes what past answers mean.
 */
export function makeOptionId(labels: Record<string, string>, taken: Iterable<string>, prefix = 'option'): string {
  const used = new Set(taken);
  const base = slug(labels.en ?? '') || slug(Object.values(labels).join(' ')) || '';
  if (base && !used.has(base)) return base;
  const stem = base || prefix;
  for (let n = base ? 2 : 1; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${stem.slice(0, MAX - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
